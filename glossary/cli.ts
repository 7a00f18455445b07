// Placeholder until the glossary compiler lands (issue 3).
console.log('glossary: no packs yet');
