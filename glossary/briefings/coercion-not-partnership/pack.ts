// The bundled briefing: "Being told to normalize relations with Israel feels like coercion, not
// partnership". Every explainer is drawn from source.txt and cites it; where the source reports one
// side's view (Pakistani officials, Trump officials, the analysis itself) the explainer says whose.
import { definePack } from '../../schema';

// Signals shared by most contextual terms: words that put a page in this briefing's subject
// (Israel normalization, the Accords, Iran diplomacy) rather than in databases, finance or sport.
const CORE = [
  'Abraham Accords',
  'normalization with Israel',
  'normalize relations with Israel',
  'normalize ties with Israel',
  'recognize Israel',
  'recognition of Israel',
  'diplomatic relations with Israel',
  'Israeli-Palestinian conflict',
  'Palestinian statehood',
  'Iran nuclear',
  'Palestinian',
  'Palestinians',
  'Gaza',
  'West Bank',
  'Arab states',
  'Gulf states',
];

export default definePack({
  id: 'coercion-not-partnership',
  signals: [
    'Abraham Accords',
    'Israel',
    'Israeli',
    'normalization with Israel',
    'Palestinian',
    'Gaza',
    'Iran nuclear',
    'Tehran',
    'Muslim-majority',
    'Saudi Arabia',
    'Riyadh',
    'diplomatic relations',
    'diplomatic ties',
  ],
  source: {
    file: 'source.txt',
    headline: 1,
    standfirst: 2,
    keyPoints: [3, 7],
    analysis: [8, 11],
    report: [12, 17],
    quotesHeading: 18,
    quotes: [19, 19],
    conversationHeading: 20,
    conversationTitle: 'The Hearth Conversation',
    conversation: [21, 30],
  },

  topics: [
    {
      id: 'abraham-accords-normalization',
      name: 'Abraham Accords and normalization',
      description:
        'The framework under which Arab states normalized relations with Israel, and the push to expand it.',
      defaultOn: true,
    },
    {
      id: 'iran-diplomacy',
      name: 'Iran nuclear diplomacy',
      description: 'Negotiations over an Iran nuclear agreement and Iran’s weight in the region.',
      defaultOn: true,
    },
    {
      id: 'pakistan-position',
      name: 'Pakistan',
      description: 'Why Pakistan, a nuclear-armed US ally, resists joining the Accords.',
      defaultOn: true,
    },
    {
      id: 'regional-states',
      name: 'Gulf and Muslim-majority states',
      description: 'The 2020 signatories and the Muslim-majority governments now being asked to follow.',
      defaultOn: true,
    },
    {
      id: 'israeli-palestinian',
      name: 'The Israeli–Palestinian conflict',
      description:
        'Israel, the unresolved conflict and Palestinian statehood as the backdrop to normalization.',
      defaultOn: true,
    },
    {
      id: 'us-statecraft',
      name: 'US statecraft',
      description:
        'How Washington is using pressure, linkage and leverage on its allies, and what that costs.',
      defaultOn: true,
    },
    {
      id: 'domestic-politics',
      name: 'Sovereignty and domestic politics',
      description: 'The home-front costs that governments weigh against outside demands.',
      defaultOn: true,
    },
  ],

  terms: [
    // ── Abraham Accords and normalization ───────────────────────────────────────────────────────
    {
      id: 'abraham-accords',
      label: 'Abraham Accords',
      topic: 'abraham-accords-normalization',
      aliases: ['Abraham Accords', 'Abraham Accords framework'],
      short:
        'The framework that normalized relations between Israel and several Arab nations. The UAE and Bahrain joined in 2020; the Trump administration now wants more Muslim-majority countries to sign.',
      long: 'The Abraham Accords are the framework that normalized relations between Israel and several Arab nations. The UAE and Bahrain joined in 2020, with specific strategic interests and manageable domestic opposition. The Trump administration has now made expanding the Accords a precondition for any Iran nuclear agreement, asking Muslim-majority US allies to formally join. The analysis argues that expansion under duress is a fundamentally different ask, and that as framed it looks more like a demand that will be quietly abandoned or become a source of lasting friction than a diplomatic breakthrough.',
      related: ['normalization', 'uae', 'bahrain', 'linkage', 'iran-nuclear-talks'],
      qa: ['conv-1', 'qa-why-2020-was-different', 'qa-what-is-linkage'],
      mode: 'unambiguous',
      citations: [
        {
          passage: 'report-1',
          quote:
            'the Abraham Accords, the framework that normalized relations between Israel and several Arab nations',
        },
        {
          passage: 'analysis-3',
          quote:
            'The nations that joined the Abraham Accords in 2020 — the UAE and Bahrain — did so with specific strategic interests and manageable domestic opposition.',
        },
        {
          passage: 'key-1',
          quote:
            'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement',
        },
        {
          passage: 'report-6',
          quote:
            'more like a demand that will either be quietly shelved or become a source of lasting friction between Washington and allies it needs',
        },
      ],
    },
    {
      id: 'normalization',
      label: 'Normalization with Israel',
      topic: 'abraham-accords-normalization',
      aliases: [
        'normalization',
        { text: 'normalize', kind: 'verb' },
        { text: 'normalize relations', kind: 'verb' },
        { text: 'normalize ties', kind: 'verb' },
        { text: 'normalization of relations', kind: 'exact' },
        { text: 'normalization of ties', kind: 'exact' },
        'normalization deal',
      ],
      short:
        'Establishing formal, normal relations with Israel, as the Abraham Accords states did. Washington wants more Muslim-majority countries to do so; Pakistani officials say it could provoke domestic upheaval.',
      long: 'In this briefing, normalization means a country formally recognizing Israel and establishing normal relations with it, as the states in the Abraham Accords framework did. The Trump administration wants more Muslim-majority countries to normalize relations with Israel as a condition of any Iran nuclear agreement. Pakistani officials have said normalization could provoke domestic upheaval and may conflict with the country’s foundational legal commitments; in the briefing’s conversation, normalization with Israel “isn’t abstract for Pakistan” because it plays into domestic religious and political opposition.',
      related: ['abraham-accords', 'pakistan', 'domestic-upheaval', 'linkage'],
      qa: ['conv-2', 'qa-foundational-documents', 'conv-1'],
      mode: 'contextual',
      signals: [
        ...CORE,
        'Israel',
        'Israeli',
        'Arab states',
        'Arab nations',
        'Gulf states',
        'Saudi Arabia',
        'Riyadh',
        'Palestinian',
        'Gaza',
        'peace deal',
      ],
      exclusions: [
        'database normalization',
        'data normalization',
        'schema normalization',
        'text normalization',
        'unicode normalization',
        'loudness normalization',
        'audio normalization',
        'peak normalization',
        'volume normalization',
        'batch normalization',
        'normalize.css',
        'normalized to',
        'normalised to',
      ],
      citations: [
        {
          passage: 'report-1',
          quote: 'the framework that normalized relations between Israel and several Arab nations',
        },
        {
          passage: 'report-2',
          quote: 'more Muslim-majority countries formally recognizing Israel',
        },
        {
          passage: 'analysis-2',
          quote:
            "normalization with Israel could provoke domestic upheaval and may conflict with the country's foundational legal commitments",
        },
        {
          passage: 'conversation-a2',
          quote:
            "Because normalization with Israel isn't abstract for Pakistan. It plays directly into domestic religious and political opposition.",
        },
      ],
    },

    // ── Iran nuclear diplomacy ──────────────────────────────────────────────────────────────────
    {
      id: 'iran-nuclear-talks',
      label: 'Iran nuclear talks',
      topic: 'iran-diplomacy',
      aliases: [
        'Iran nuclear agreement',
        'Iran nuclear deal',
        'Iran nuclear talks',
        'Iran nuclear negotiations',
        'Iranian nuclear deal',
        'Iranian nuclear talks',
        'Iran nuclear accord',
        'Iran nuclear pact',
        'Iranian nuclear agreement',
        'Iranian nuclear negotiations',
        { text: 'nuclear talks with Tehran', kind: 'exact' },
        { text: 'negotiations with Tehran', kind: 'exact' },
        { text: 'talks with Tehran', kind: 'exact' },
        { text: 'nuclear agreement with Iran', kind: 'exact' },
        { text: 'nuclear deal with Iran', kind: 'exact' },
        { text: 'nuclear talks with Iran', kind: 'exact' },
        'Iran deal',
        'Iran negotiations',
        'Iran talks',
        { text: 'negotiations with Iran', kind: 'exact' },
        { text: 'talks with Iran', kind: 'exact' },
        'Iran diplomacy',
      ],
      short:
        'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement, fusing two separate diplomatic crises into one high-stakes demand.',
      long: 'The Trump administration is conditioning future negotiations with Iran on new signatories to the Abraham Accords. As presented by Trump officials, any agreement that emerges from talks with Iran should be paired with expanded regional peace arrangements, meaning more Muslim-majority countries formally recognizing Israel. The report notes the administration’s confidence that Iran negotiations matter enough to these countries that they will accept political risk at home, and says that confidence may be misplaced.',
      related: ['linkage', 'abraham-accords', 'iran-regional-influence', 'trump-administration'],
      qa: ['conv-1', 'conv-4', 'qa-what-is-linkage'],
      mode: 'unambiguous',
      citations: [
        {
          passage: 'key-1',
          quote:
            'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement, fusing two distinct diplomatic crises into a single high-stakes demand.',
        },
        {
          passage: 'report-2',
          quote:
            'Any agreement that emerges from talks with Iran, they argue, should be paired with expanded regional peace arrangements—meaning more Muslim-majority countries formally recognizing Israel.',
        },
        {
          passage: 'report-5',
          quote:
            "It also reflects confidence that Iran negotiations matter enough to these countries that they'll accept political risk at home to facilitate them. That confidence may be misplaced.",
        },
      ],
    },
    {
      id: 'iran-regional-influence',
      label: 'Iran’s regional influence',
      topic: 'iran-diplomacy',
      aliases: [
        { text: "Iran's regional influence", kind: 'exact' },
        { text: 'Iranian regional influence', kind: 'exact' },
        { text: "Iran's influence in the region", kind: 'exact' },
        { text: "Iran's regional shadow", kind: 'exact' },
        { text: "Iran's regional role", kind: 'exact' },
        { text: "Iran's regional reach", kind: 'exact' },
        { text: 'Iranian influence', kind: 'exact' },
        { text: 'regional influence of Iran', kind: 'exact' },
      ],
      short:
        'Iran’s continued weight across the region. The briefing lists it among the pressures that weigh against Muslim-majority governments complying with Washington’s demand to join the Accords.',
      long: 'The briefing counts Iran’s regional influence among the pressures these governments face, alongside opposed domestic populations and the unresolved Israeli-Palestinian conflict. It says Iran may be a genuine concern for these nations, but not a concern large enough to justify political self-destruction at home: in the report’s words, not enough of one to override domestic political survival.',
      related: ['iran-nuclear-talks', 'regional-cohesion', 'muslim-majority-countries'],
      qa: ['qa-iran-weight', 'conv-1', 'conv-4'],
      mode: 'unambiguous',
      citations: [
        {
          passage: 'analysis-3',
          quote:
            "Iran's continued regional influence, unresolved Palestinian statehood, and the raw political math of Muslim-majority publics all weigh against compliance.",
        },
        {
          passage: 'key-3',
          quote: "Iran's regional shadow looming",
        },
        {
          passage: 'analysis-4',
          quote:
            'Iran may be a genuine concern for these nations, but not a concern large enough to justify political self-destruction at home.',
        },
      ],
    },
    {
      id: 'regional-cohesion',
      label: 'Regional cohesion',
      topic: 'iran-diplomacy',
      aliases: ['regional cohesion', 'regional unity', 'regional coalition'],
      short:
        'Unity among the region’s governments around Iran policy. The briefing warns that pressuring allies into the Accords risks turning reluctant partners into resentful ones just when that cohesion matters most.',
      long: 'The briefing’s key points argue that the strategy risks not just failure but lasting damage: it could transform reluctant partners into resentful ones at a moment when regional cohesion around Iran policy matters most. The report adds that the demand may become a source of lasting friction between Washington and allies it needs.',
      related: ['us-allies', 'iran-regional-influence', 'coercion'],
      qa: ['conv-5', 'qa-strategy-risk'],
      mode: 'contextual',
      signals: [
        ...CORE,
        'Iran',
        'Tehran',
        'Israel',
        'Gulf states',
        'Arab states',
        'Saudi Arabia',
        'Muslim-majority',
      ],
      citations: [
        {
          passage: 'key-5',
          quote:
            'transforming reluctant partners into resentful ones at a moment when regional cohesion around Iran policy matters most',
        },
        {
          passage: 'report-6',
          quote: 'a source of lasting friction between Washington and allies it needs',
        },
      ],
    },

    // ── Pakistan ────────────────────────────────────────────────────────────────────────────────
    {
      id: 'pakistan',
      label: 'Pakistan',
      topic: 'pakistan-position',
      aliases: [
        { text: 'Pakistan', kind: 'name' },
        'Pakistani',
        { text: 'Islamic Republic of Pakistan', kind: 'name' },
      ],
      short:
        'A nuclear-armed US ally with over 200 million Muslim citizens. Its officials say normalizing relations with Israel could destabilize the government and require changes to foundational state documents.',
      long: 'Pakistan is a nuclear-armed US ally with a population of over 200 million Muslims, and among the most direct in resisting the demand to join the Abraham Accords. Pakistani officials have described the political costs as unabsorbable: they have suggested that normalization could trigger domestic upheaval and even require changes to foundational state documents. The report says being told by Washington to normalize, as a condition of negotiations that do not directly involve Islamabad, feels less like partnership and more like coercion.',
      related: [
        'nuclear-armed',
        'foundational-state-documents',
        'domestic-upheaval',
        'sovereignty',
        'normalization',
      ],
      qa: ['conv-2', 'qa-foundational-documents', 'conv-3'],
      mode: 'contextual',
      signals: [
        ...CORE,
        'Israel',
        'Israeli',
        'normalization',
        'Muslim-majority',
        'Palestinian',
        'Gaza',
        'Tehran',
      ],
      exclusions: ['Pakistan Super League', 'Pakistan Cricket Board', 'Pakistan cricket'],
      citations: [
        {
          passage: 'report-3',
          quote:
            'Pakistan, a nuclear-armed US ally with a population of over 200 million Muslims, has made clear that joining the accords carries political costs it cannot absorb.',
        },
        {
          passage: 'key-2',
          quote:
            'has signaled that normalizing relations with Israel could destabilize its government and may even require rewriting foundational state documents',
        },
        {
          passage: 'analysis-2',
          quote:
            'Pakistan has been among the most direct in its resistance. Officials there have described the political costs as unabsorbable',
        },
        {
          passage: 'report-3',
          quote: 'feels less like partnership and more like coercion',
        },
      ],
    },
    {
      id: 'nuclear-armed',
      label: 'Nuclear-armed',
      topic: 'pakistan-position',
      aliases: [
        { text: 'nuclear-armed', kind: 'exact' },
        'nuclear-armed state',
        'nuclear-armed nation',
        'nuclear-armed country',
        'nuclear weapons state',
      ],
      short:
        'Possessing nuclear weapons. The briefing stresses that Pakistan is nuclear-armed, with over 200 million Muslim citizens: one of the allies Washington most needs, and among the least able to absorb the cost.',
      long: 'The briefing describes Pakistan as nuclear-armed, with over 200 million Muslim citizens, and as a nuclear-armed US ally. It argues that American diplomats are discovering that the countries they need most are the ones least able to absorb the political cost of compliance.',
      related: ['pakistan', 'us-allies'],
      qa: ['conv-2'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'Muslim-majority'],
      citations: [
        {
          passage: 'key-2',
          quote: 'Pakistan — nuclear-armed, with over 200 million Muslim citizens',
        },
        {
          passage: 'key-4',
          quote:
            'American diplomats are discovering that the countries they need most are the ones least able to absorb the political cost of compliance.',
        },
      ],
    },
    {
      id: 'foundational-state-documents',
      label: 'Foundational state documents',
      topic: 'domestic-politics',
      aliases: [
        'foundational state documents',
        'foundational legal commitments',
        'foundational documents',
        { text: 'founding documents of the state', kind: 'exact' },
      ],
      short:
        'Pakistani officials have suggested that accepting normalization with Israel could require changes to foundational state documents. The briefing does not say which documents.',
      long: 'According to Pakistani government officials, accepting an agreement to normalize relations with Israel could trigger domestic upheaval and require changes to foundational state documents; the analysis puts it as a possible conflict with the country’s foundational legal commitments. The briefing does not name the documents or the provisions involved.',
      related: ['pakistan', 'domestic-upheaval', 'sovereignty'],
      qa: ['qa-foundational-documents', 'conv-2'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization'],
      citations: [
        {
          passage: 'quote-1',
          quote:
            'Pakistan officials suggested that accepting such an agreement could trigger domestic upheaval and require changes to foundational state documents',
        },
        {
          passage: 'analysis-2',
          quote: "may conflict with the country's foundational legal commitments",
        },
        {
          passage: 'key-2',
          quote: 'may even require rewriting foundational state documents',
        },
      ],
    },
    {
      id: 'domestic-upheaval',
      label: 'Domestic upheaval',
      topic: 'domestic-politics',
      aliases: ['domestic upheaval', 'domestic unrest', 'domestic turmoil', 'domestic instability'],
      short:
        'Unrest at home. Pakistani officials say normalization with Israel could provoke it; the briefing argues governments put domestic stability before American priorities.',
      long: 'Pakistani officials have suggested that accepting an agreement with Israel could trigger domestic upheaval. The report says Pakistan’s concerns about its own stability and legitimacy are not abstractions but the foundation of its government’s ability to function, and the briefing’s conversation concludes that sovereignty and domestic stability come first, always.',
      related: ['pakistan', 'foundational-state-documents', 'sovereignty', 'political-cost'],
      qa: ['conv-3', 'conv-2', 'qa-foundational-documents'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'Muslim-majority'],
      citations: [
        {
          passage: 'report-3',
          quote: 'accepting such an agreement could trigger domestic upheaval',
        },
        {
          passage: 'report-5',
          quote:
            "Pakistan's concerns about its own stability and legitimacy are not abstractions—they're the foundation of its government's ability to function.",
        },
        {
          passage: 'conversation-a3',
          quote: 'But sovereignty and domestic stability come first, always.',
        },
      ],
    },
    {
      id: 'sovereignty',
      label: 'Sovereignty',
      topic: 'domestic-politics',
      aliases: ['sovereignty', 'national sovereignty'],
      short:
        'A state’s right to decide its own course. The report says being told by Washington to normalize relations with Israel raises it sharply for Pakistan: it feels less like partnership and more like coercion.',
      long: 'The report says the sovereignty question cuts deep: being told by Washington to normalize relations with Israel, especially as a condition of negotiations that do not directly involve Islamabad, feels less like partnership and more like coercion. In the briefing’s conversation, the administration assumed being a US ally meant absorbing political costs for American priorities, but sovereignty and domestic stability come first.',
      related: ['coercion', 'domestic-upheaval', 'us-allies', 'pakistan'],
      qa: ['conv-3', 'qa-leverage-or-coercion'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'Muslim-majority'],
      exclusions: ['self-sovereign', 'self-sovereign identity', 'data sovereignty', 'digital sovereignty'],
      citations: [
        {
          passage: 'report-3',
          quote:
            "The sovereignty question cuts deep: being told by Washington to normalize relations with Israel, especially as a condition of broader negotiations that don't directly involve Islamabad, feels less like partnership and more like coercion.",
        },
        {
          passage: 'conversation-a3',
          quote:
            'It assumed that being a US ally meant countries would absorb political costs for American priorities. But sovereignty and domestic stability come first, always.',
        },
      ],
    },
    {
      id: 'political-cost',
      label: 'Political cost',
      topic: 'domestic-politics',
      aliases: ['political cost', 'political costs', 'cost of compliance', 'political risk at home'],
      short:
        'What governments would pay at home for joining the Accords. The briefing argues the countries Washington needs most are the least able to absorb it.',
      long: 'Pakistani officials have described the political costs of joining the Accords as unabsorbable. The key points argue that American diplomats are discovering that the countries they need most are the ones least able to absorb the political cost of compliance, and the conversation suggests this only works if the Iran deal becomes so valuable that countries decide the cost is worth it.',
      related: ['domestic-upheaval', 'muslim-majority-countries', 'us-allies'],
      qa: ['conv-4', 'conv-3'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'Muslim-majority'],
      citations: [
        {
          passage: 'key-4',
          quote:
            'the countries they need most are the ones least able to absorb the political cost of compliance',
        },
        {
          passage: 'analysis-2',
          quote: 'Officials there have described the political costs as unabsorbable',
        },
        {
          passage: 'conversation-a4',
          quote:
            'Only if the Iran deal becomes so valuable that countries decide the political cost is worth it.',
        },
      ],
    },

    // ── Gulf and Muslim-majority states ─────────────────────────────────────────────────────────
    {
      id: 'uae',
      label: 'United Arab Emirates',
      topic: 'regional-states',
      aliases: [
        { text: 'UAE', kind: 'name' },
        { text: 'U.A.E.', kind: 'name' },
        { text: 'United Arab Emirates', kind: 'name' },
        'Emirati',
      ],
      short:
        'Joined the Abraham Accords in 2020 with Bahrain. The briefing says it had specific strategic interests and manageable domestic opposition, unlike the countries now being asked to join.',
      long: 'The United Arab Emirates signed the Abraham Accords in 2020, together with Bahrain. According to the briefing, signing made sense for them because they had specific strategic interests and less domestic opposition; expanding the framework now, under duress and as a precondition for something else entirely, is a different proposition for the countries being asked.',
      related: ['bahrain', 'abraham-accords', 'muslim-majority-countries'],
      qa: ['qa-why-2020-was-different'],
      mode: 'contextual',
      signals: [
        ...CORE,
        'Israel',
        'Israeli',
        'normalization',
        'Iran',
        'Tehran',
        'Palestinian',
        'Gaza',
        'peace deal',
      ],
      exclusions: ['UAE Pro League'],
      citations: [
        {
          passage: 'report-4',
          quote:
            'Signing the Abraham Accords in 2020 made sense for the United Arab Emirates and Bahrain—they had specific strategic interests and less domestic opposition.',
        },
        {
          passage: 'analysis-3',
          quote:
            'the UAE and Bahrain — did so with specific strategic interests and manageable domestic opposition',
        },
      ],
    },
    {
      id: 'bahrain',
      label: 'Bahrain',
      topic: 'regional-states',
      aliases: [{ text: 'Bahrain', kind: 'name' }, 'Bahraini', { text: 'Kingdom of Bahrain', kind: 'name' }],
      short:
        'Joined the Abraham Accords in 2020 with the UAE. The briefing says it had specific strategic interests and manageable domestic opposition, unlike the countries now being asked to join.',
      long: 'Bahrain signed the Abraham Accords in 2020 alongside the United Arab Emirates. The briefing says both had specific strategic interests and less domestic opposition, and that expanding the framework now, under duress and as a precondition for something else entirely, is a fundamentally different ask.',
      related: ['uae', 'abraham-accords', 'muslim-majority-countries'],
      qa: ['qa-why-2020-was-different'],
      mode: 'contextual',
      signals: [
        ...CORE,
        'Israel',
        'Israeli',
        'normalization',
        'Iran',
        'Tehran',
        'Palestinian',
        'Gaza',
        'peace deal',
      ],
      exclusions: ['Bahrain Grand Prix', 'Bahrain International Circuit'],
      citations: [
        {
          passage: 'report-4',
          quote:
            'Signing the Abraham Accords in 2020 made sense for the United Arab Emirates and Bahrain—they had specific strategic interests and less domestic opposition.',
        },
        {
          passage: 'analysis-3',
          quote:
            'Expanding the framework now, under duress and as a precondition for something else entirely, is a fundamentally different ask.',
        },
      ],
    },
    {
      id: 'muslim-majority-countries',
      label: 'Muslim-majority countries',
      topic: 'regional-states',
      aliases: [
        'Muslim-majority countries',
        'Muslim-majority nations',
        'Muslim-majority states',
        'Muslim-majority allies',
        { text: 'Muslim-majority publics', kind: 'exact' },
        { text: 'Muslim-majority', kind: 'exact' },
        'Muslim countries',
        'Muslim nations',
        'majority-Muslim countries',
        'majority-Muslim nations',
        'majority-Muslim states',
        { text: 'majority-Muslim', kind: 'exact' },
      ],
      short:
        'The US allies asked to join the Abraham Accords. The briefing says they face opposed domestic populations, Iran’s regional shadow and the unresolved Israeli-Palestinian conflict.',
      long: 'The Trump administration wants Muslim-majority US allies to formally join the Abraham Accords as a condition of any future nuclear agreement with Iran. According to the briefing, these countries face the same impossible math: domestic populations opposed, Iran’s regional shadow looming, and the Israeli-Palestinian conflict unresolved. Other Muslim-majority nations, it says, are similarly hesitant.',
      related: ['us-allies', 'pakistan', 'uae', 'bahrain', 'political-cost'],
      qa: ['qa-iran-weight', 'conv-4'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'Israeli', 'normalization', 'Iran', 'Tehran', 'Saudi Arabia', 'Riyadh'],
      citations: [
        {
          passage: 'analysis-1',
          quote:
            'that Muslim-majority US allies formally join the Abraham Accords framework as a condition of any future nuclear agreement',
        },
        {
          passage: 'key-3',
          quote:
            "Other Muslim-majority allies face the same impossible math: domestic populations opposed, Iran's regional shadow looming, and the Israeli-Palestinian conflict still unresolved as a backdrop.",
        },
        {
          passage: 'report-4',
          quote: 'Other Muslim-majority nations are similarly hesitant.',
        },
      ],
    },

    // ── Israel and the Israeli–Palestinian conflict ─────────────────────────────────────────────
    {
      id: 'israel',
      label: 'Israel',
      topic: 'israeli-palestinian',
      aliases: [{ text: 'Israel', kind: 'name' }, 'Israeli', { text: 'State of Israel', kind: 'name' }],
      short:
        'The country the Abraham Accords states normalized relations with. Washington wants more Muslim-majority countries to formally recognize it as part of an Iran deal.',
      long: 'The Abraham Accords normalized relations between Israel and several Arab nations. Trump officials argue that any agreement emerging from talks with Iran should be paired with expanded regional peace arrangements, meaning more Muslim-majority countries formally recognizing Israel. Pakistani officials say normalization with Israel could provoke domestic upheaval.',
      related: ['normalization', 'abraham-accords', 'israeli-palestinian-conflict'],
      qa: ['conv-2', 'conv-1'],
      mode: 'contextual',
      signals: [
        'Abraham Accords',
        'normalization',
        'Palestinian',
        'Gaza',
        'West Bank',
        'Arab states',
        'Muslim-majority',
        'Saudi Arabia',
        'Iran',
        'Tehran',
        'diplomatic relations',
      ],
      citations: [
        {
          passage: 'report-1',
          quote: 'the framework that normalized relations between Israel and several Arab nations',
        },
        {
          passage: 'report-2',
          quote: 'more Muslim-majority countries formally recognizing Israel',
        },
        {
          passage: 'analysis-2',
          quote: 'normalization with Israel could provoke domestic upheaval',
        },
      ],
    },
    {
      id: 'israeli-palestinian-conflict',
      label: 'Israeli–Palestinian conflict',
      topic: 'israeli-palestinian',
      aliases: [
        'Israeli-Palestinian conflict',
        'Israeli-Palestinian tensions',
        'Israeli-Palestinian dispute',
        'Palestinian-Israeli conflict',
        'Israel-Palestinian conflict',
        'Israel-Palestine conflict',
        'Israeli-Palestinian issue',
      ],
      short:
        'Still unresolved, it is the backdrop that the briefing says weighs against Muslim-majority governments joining the Abraham Accords.',
      long: 'The briefing lists the still-unresolved Israeli-Palestinian conflict among the pressures on Muslim-majority governments, alongside opposed domestic populations and Iran’s regional influence. As Trump officials present it, the maximalist approach aims to solve the Iran problem and the Israeli-Palestinian tensions simultaneously, or solve neither.',
      related: ['palestinian-statehood', 'israel', 'maximalism'],
      qa: ['qa-iran-weight', 'conv-1'],
      mode: 'unambiguous',
      citations: [
        {
          passage: 'report-4',
          quote: 'the simple fact that the Israeli-Palestinian conflict remains unresolved',
        },
        {
          passage: 'report-2',
          quote:
            'solve the Iran problem and the Israeli-Palestinian tensions simultaneously, or solve neither',
        },
        {
          passage: 'key-3',
          quote: 'the Israeli-Palestinian conflict still unresolved as a backdrop',
        },
      ],
    },
    {
      id: 'palestinian-statehood',
      label: 'Palestinian statehood',
      topic: 'israeli-palestinian',
      aliases: ['Palestinian statehood', 'Palestinian state', 'State of Palestine', 'two-state solution'],
      short:
        'Unresolved, according to the briefing, and one of the factors weighing against Muslim-majority governments complying with the demand to join the Abraham Accords.',
      long: 'The analysis names unresolved Palestinian statehood, with Iran’s continued regional influence and the political math of Muslim-majority publics, as weighing against compliance with the demand to expand the Abraham Accords.',
      related: ['israeli-palestinian-conflict', 'muslim-majority-countries'],
      qa: ['qa-iran-weight'],
      mode: 'unambiguous',
      citations: [
        {
          passage: 'analysis-3',
          quote:
            "Iran's continued regional influence, unresolved Palestinian statehood, and the raw political math of Muslim-majority publics all weigh against compliance.",
        },
      ],
    },

    // ── US statecraft ───────────────────────────────────────────────────────────────────────────
    {
      id: 'trump-administration',
      label: 'Trump administration',
      topic: 'us-statecraft',
      aliases: [
        { text: 'Trump administration', kind: 'name' },
        { text: 'Trump White House', kind: 'name' },
        { text: "President Trump's administration", kind: 'name' },
        { text: "Trump's administration", kind: 'name' },
        'Trump official',
      ],
      short:
        'Has tied its Iran diplomacy to a demand that Muslim-majority US allies join the Abraham Accords. The analysis calls it a maximalist bet that the countries asked are refusing.',
      long: 'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement. Trump officials present this as connecting two diplomatic challenges into one leverage point. The analysis calls it a maximalist bet and argues it reflects a view that enough pressure, applied in the right places, can move immovable objects; the report says the administration’s confidence that these countries will accept political risk at home may be misplaced.',
      related: ['linkage', 'maximalism', 'leverage', 'iran-nuclear-talks', 'us-allies'],
      qa: ['conv-1', 'conv-5', 'conv-3'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'Israeli', 'Iran', 'Tehran', 'Muslim-majority', 'Saudi Arabia', 'Gaza'],
      citations: [
        {
          passage: 'analysis-1',
          quote: 'The Trump administration has tied its Iran diplomacy to a sweeping demand',
        },
        {
          passage: 'analysis-1',
          quote: 'It is a maximalist bet, and so far, the countries being asked to place it are refusing.',
        },
        {
          passage: 'report-5',
          quote: 'that enough pressure, applied in the right places, can move immovable objects',
        },
        {
          passage: 'report-2',
          quote:
            'The logic, as presented by Trump officials, connects two separate diplomatic challenges into one leverage point.',
        },
      ],
    },
    {
      id: 'linkage',
      label: 'Precondition and linkage',
      topic: 'us-statecraft',
      aliases: ['linkage', 'precondition', 'pre-condition', 'issue linkage'],
      short:
        'Making progress on one issue conditional on another. Here: Abraham Accords expansion as a precondition for any Iran nuclear agreement. The report says the two problems may not be linkable.',
      long: 'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement, binding separate threads of conflict into a single knot. The analysis argues that expanding the framework under duress and as a precondition for something else entirely is a fundamentally different ask from the 2020 signings, and the report says the administration has linked two problems that may not be linkable, at least not in the timeframe or on the terms it envisions.',
      related: ['iran-nuclear-talks', 'abraham-accords', 'maximalism', 'leverage'],
      qa: ['qa-what-is-linkage', 'conv-1', 'conv-4'],
      mode: 'contextual',
      signals: [...CORE, 'Iran', 'Tehran', 'Israel', 'normalization', 'Saudi Arabia'],
      citations: [
        {
          passage: 'key-1',
          quote:
            'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement',
        },
        {
          passage: 'standfirst',
          quote: 'attempted to bind separate threads of conflict into a single knot',
        },
        {
          passage: 'report-6',
          quote:
            'The administration has linked two problems that may not be linkable, at least not in the timeframe or on the terms it envisions.',
        },
      ],
    },
    {
      id: 'maximalism',
      label: 'Maximalist approach',
      topic: 'us-statecraft',
      aliases: ['maximalism', 'maximalist', 'maximalist approach', 'maximalist demand', 'maximalist bet'],
      short:
        'Asking for everything at once. The report calls the administration’s approach maximalist: solve the Iran problem and the Israeli-Palestinian tensions simultaneously, or solve neither.',
      long: 'The report calls tying Iran diplomacy to Abraham Accords expansion a maximalist approach to statecraft: solve the Iran problem and the Israeli-Palestinian tensions simultaneously, or solve neither. The analysis calls it a maximalist bet that the countries being asked to place are so far refusing. In the conversation, the logic is that if you are reshaping the Middle East, why not do it all at once.',
      related: ['linkage', 'trump-administration', 'leverage'],
      qa: ['conv-1', 'qa-what-is-linkage'],
      mode: 'contextual',
      signals: [...CORE, 'Iran', 'Tehran', 'Israel', 'normalization'],
      citations: [
        {
          passage: 'report-2',
          quote:
            "It's a maximalist approach to statecraft: solve the Iran problem and the Israeli-Palestinian tensions simultaneously, or solve neither.",
        },
        {
          passage: 'analysis-1',
          quote: 'It is a maximalist bet, and so far, the countries being asked to place it are refusing.',
        },
        {
          passage: 'conversation-a1',
          quote: "if you're reshaping the Middle East, why not do it all at once?",
        },
      ],
    },
    {
      id: 'leverage',
      label: 'Leverage',
      topic: 'us-statecraft',
      aliases: ['leverage', 'leverage point', 'diplomatic leverage'],
      short:
        'Power to move others. Trump officials treat Iran talks as one leverage point; the standfirst argues Washington’s leverage cannot simply override partners’ populations, histories and vulnerabilities.',
      long: 'The logic, as presented by Trump officials, connects Iran negotiations and Abraham Accords expansion into one leverage point: normalize relations with Israel, or forfeit progress on Iran. The standfirst argues that the nations being asked carry populations, histories and political vulnerabilities that Washington’s leverage cannot simply override, and the conversation asks whether the administration miscalculated what leverage it actually has.',
      related: ['coercion', 'linkage', 'maximalism', 'us-allies'],
      qa: ['conv-3', 'qa-leverage-or-coercion'],
      mode: 'contextual',
      signals: [...CORE, 'Iran', 'Tehran', 'Israel', 'normalization'],
      exclusions: ['financial leverage', 'operating leverage', 'leverage ratio', 'leveraged buyout'],
      citations: [
        {
          passage: 'report-2',
          quote:
            'The logic, as presented by Trump officials, connects two separate diplomatic challenges into one leverage point.',
        },
        {
          passage: 'standfirst',
          quote:
            "the nations being asked to sign carry populations, histories, and political vulnerabilities that Washington's leverage cannot simply override",
        },
        {
          passage: 'conversation-q3',
          quote: 'So the administration miscalculated what leverage it actually has?',
        },
      ],
    },
    {
      id: 'coercion',
      label: 'Coercion',
      topic: 'us-statecraft',
      aliases: ['coercion', { text: 'coercive', kind: 'exact' }, { text: 'coerce', kind: 'verb' }],
      short:
        'Pressure that forces a choice. For Pakistan, the report says, being told by Washington to normalize relations with Israel feels less like partnership and more like coercion.',
      long: 'The briefing’s headline sums up its argument: being told to normalize relations with Israel feels like coercion, not partnership. The analysis says that for a government already navigating fragile legitimacy, being instructed by Washington to take such a step feels less like alliance and more like coercion; the conversation calls the pressure coercive, not collaborative, and warns that either way the trust erodes.',
      related: ['leverage', 'sovereignty', 'us-allies', 'regional-cohesion'],
      qa: ['qa-leverage-or-coercion', 'conv-4', 'conv-5'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'sovereignty', 'Muslim-majority'],
      exclusions: ['type coercion', 'implicit coercion', 'explicit coercion', 'coercion rules'],
      citations: [
        {
          passage: 'headline',
          quote: 'Being told to normalize relations with Israel feels like coercion, not partnership',
        },
        {
          passage: 'analysis-2',
          quote:
            'For a government already navigating fragile legitimacy, being instructed by Washington to take such a step feels less like alliance and more like coercion.',
        },
        {
          passage: 'conversation-a4',
          quote: 'The pressure feels coercive, not collaborative.',
        },
      ],
    },
    {
      id: 'us-allies',
      label: 'US allies',
      topic: 'us-statecraft',
      aliases: [
        'US allies',
        'U.S. allies',
        'American allies',
        { text: "America's allies", kind: 'exact' },
        { text: "Washington's allies", kind: 'exact' },
        { text: 'allies of the United States', kind: 'exact' },
        'American partners',
      ],
      short:
        'The partners Washington is pressing to join the Accords. The briefing argues the demand risks turning reluctant partners into resentful ones and becoming a source of lasting friction.',
      long: 'The Trump administration wants Muslim-majority US allies to formally join the Abraham Accords as a condition of any future nuclear agreement. According to the briefing, the administration assumed that being a US ally meant countries would absorb political costs for American priorities; the analysis warns of transforming reluctant partners into resentful ones, and the conversation suggests that if they refuse, the administration either backs down or blames allies, and either way the trust erodes.',
      related: ['muslim-majority-countries', 'regional-cohesion', 'coercion', 'sovereignty'],
      qa: ['conv-3', 'conv-5', 'qa-strategy-risk'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'Iran', 'Tehran', 'Muslim-majority'],
      citations: [
        {
          passage: 'analysis-1',
          quote:
            'that Muslim-majority US allies formally join the Abraham Accords framework as a condition of any future nuclear agreement',
        },
        {
          passage: 'conversation-a3',
          quote:
            'It assumed that being a US ally meant countries would absorb political costs for American priorities.',
        },
        {
          passage: 'key-5',
          quote: 'transforming reluctant partners into resentful ones',
        },
      ],
    },
    {
      id: 'american-statecraft',
      label: 'American statecraft',
      topic: 'us-statecraft',
      aliases: ['American statecraft', 'US statecraft', 'American foreign policy', 'US foreign policy'],
      short:
        'How Washington pursues its aims abroad. The briefing sees a recurring tension in it: the gap between what a superpower demands and what its partners can survive delivering.',
      long: 'The standfirst describes a recurring tension in American statecraft: the distance between what a superpower demands and what its partners can survive delivering. The analysis calls it a familiar fault line in American foreign policy, the assumption that sufficient pressure can move partners past their own survival instincts.',
      related: ['leverage', 'maximalism', 'trump-administration'],
      qa: ['qa-strategy-risk', 'conv-5'],
      mode: 'contextual',
      signals: [...CORE, 'Israel', 'normalization', 'Iran', 'Tehran', 'Muslim-majority'],
      citations: [
        {
          passage: 'standfirst',
          quote:
            'What unfolds is a recurring tension in American statecraft: the distance between what a superpower demands and what its partners can survive delivering.',
        },
        {
          passage: 'analysis-4',
          quote:
            'a familiar fault line in American foreign policy: the assumption that sufficient pressure can move partners past their own survival instincts',
        },
      ],
    },
  ],

  qa: [
    {
      id: 'qa-what-is-linkage',
      question: 'What does it mean to make the Abraham Accords a precondition for an Iran deal?',
      answer:
        'The Trump administration says any Iran nuclear agreement should come with new signatories to the Abraham Accords: more Muslim-majority countries formally recognizing Israel. Trump officials present it as one leverage point; the report says the two problems may not be linkable.',
      citations: [
        {
          passage: 'key-1',
          quote:
            'The Trump administration has made Abraham Accords expansion a precondition for any Iran nuclear agreement',
        },
        {
          passage: 'report-2',
          quote: 'more Muslim-majority countries formally recognizing Israel',
        },
        {
          passage: 'report-6',
          quote: 'The administration has linked two problems that may not be linkable',
        },
      ],
    },
    {
      id: 'qa-why-2020-was-different',
      question: 'The UAE and Bahrain joined in 2020. Why is it harder now?',
      answer:
        'According to the briefing, the UAE and Bahrain had specific strategic interests and less domestic opposition. Expanding the framework now, under duress and as a precondition for something else entirely, is a fundamentally different ask.',
      citations: [
        {
          passage: 'report-4',
          quote:
            'Signing the Abraham Accords in 2020 made sense for the United Arab Emirates and Bahrain—they had specific strategic interests and less domestic opposition.',
        },
        {
          passage: 'analysis-3',
          quote:
            'Expanding the framework now, under duress and as a precondition for something else entirely, is a fundamentally different ask.',
        },
      ],
    },
    {
      id: 'qa-foundational-documents',
      question: 'Why would joining the Accords touch Pakistan’s foundational documents?',
      answer:
        'Pakistani officials have suggested that accepting normalization could require changes to foundational state documents and may conflict with the country’s foundational legal commitments. The briefing reports the claim but does not say which documents or provisions.',
      citations: [
        {
          passage: 'quote-1',
          quote: 'could trigger domestic upheaval and require changes to foundational state documents',
        },
        {
          passage: 'analysis-2',
          quote: "may conflict with the country's foundational legal commitments",
        },
      ],
    },
    {
      id: 'qa-iran-weight',
      question: 'What weighs against Muslim-majority governments saying yes?',
      answer:
        'The briefing names domestic populations opposed to normalization, Iran’s continued regional influence, unresolved Palestinian statehood and the still-unresolved Israeli-Palestinian conflict. Iran matters to them, it argues, but not enough to override domestic political survival.',
      citations: [
        {
          passage: 'analysis-3',
          quote:
            "Iran's continued regional influence, unresolved Palestinian statehood, and the raw political math of Muslim-majority publics all weigh against compliance.",
        },
        {
          passage: 'key-3',
          quote: 'domestic populations opposed',
        },
        {
          passage: 'report-6',
          quote:
            'Iran remains a genuine concern for many regional players, but not enough of one to override domestic political survival.',
        },
      ],
    },
    {
      id: 'qa-leverage-or-coercion',
      question: 'Is this leverage or coercion?',
      answer:
        'Trump officials frame it as a leverage point. The briefing’s view is that, for Pakistan, being told by Washington to normalize relations with Israel feels less like partnership and more like coercion, and that sovereignty and domestic stability come first.',
      citations: [
        {
          passage: 'report-2',
          quote:
            'The logic, as presented by Trump officials, connects two separate diplomatic challenges into one leverage point.',
        },
        {
          passage: 'report-3',
          quote: 'feels less like partnership and more like coercion',
        },
        {
          passage: 'conversation-a3',
          quote: 'But sovereignty and domestic stability come first, always.',
        },
      ],
    },
    {
      id: 'qa-strategy-risk',
      question: 'What does the briefing say the strategy risks?',
      answer:
        'Not just failure but lasting damage: turning reluctant partners into resentful ones when regional cohesion around Iran policy matters most. The analysis expects the demand to be quietly abandoned or to harden into enduring friction with the allies Washington needs most.',
      citations: [
        {
          passage: 'key-5',
          quote:
            'The strategy risks not just failure but lasting damage — transforming reluctant partners into resentful ones at a moment when regional cohesion around Iran policy matters most.',
        },
        {
          passage: 'analysis-4',
          quote:
            'a demand that will either be quietly abandoned or harden into a source of enduring friction with the very allies Washington needs most',
        },
      ],
    },
  ],
});
