import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { glossary } from '../../glossary';
import './style.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp topics={glossary.topics} terms={glossary.terms} />, root);
