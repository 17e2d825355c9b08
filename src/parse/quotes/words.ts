// The closed word classes the quote extractor leans on, every one of them
// here and each written once. They describe how English news copy attributes
// speech, not any one article, so they stay small and general; extend them
// when the corpus figures show a gap. tests/unit/quote-words.test.ts checks
// that no list repeats a word and that lists the code reads as exclusive of
// each other share none.
//
// Every word is written in lower case, as the lookups expect: most lower-case
// the word they look up; cue verbs and participles are looked up as written,
// so only their lower-case forms are cues.

/** A word class: looked up as a set, and kept as written so that a word listed twice can be found. */
export interface WordList extends ReadonlySet<string> {
  readonly written: readonly string[];
}

/** Word pairs looked up by their first word, kept as written like a `WordList`. */
export interface WordPairs extends ReadonlyMap<string, string> {
  readonly written: readonly string[];
}

function list(words: string): WordList {
  const written = words.split(/\s+/).filter(Boolean);
  return Object.assign(new Set(written), { written });
}

/** `'put it, pointed out'`: the first word of each pair is the key. */
function pairs(text: string): WordPairs {
  const entries = text.split(',').map((pair) => {
    const [first = '', second = ''] = pair.trim().split(/\s+/);
    return [first, second] as const;
  });
  return Object.assign(new Map(entries), { written: entries.map(([first]) => first) });
}

// ---------------------------------------------------------------------------
// Cues: the words that say someone is speaking

/** Verbs that introduce speech or writing, in the forms news copy uses. */
export const CUE_VERBS = list(`
  said says say told tells added adds asked asks wrote writes tweeted tweets
  argued argues insisted insists warned warns explained explains noted notes
  continued continues declared declares stated states replied replies
  responded responds concluded concludes recalled recalls admitted admits
  acknowledged acknowledges claimed claims suggested suggests predicted predicts
  promised promises assured assures countered counters conceded concedes
  observed observes remarked remarks announced announces joked jokes laughed laughs believes quipped
  quips complained complains boasted boasts emphasized emphasizes stressed
  stresses urged urges cautioned cautions lamented laments mused muses posted
  posts shouted yelled exclaimed whispered testified reported reports recounted
  recounts pleaded demanded demands charged charges alleged alleges maintained
  maintains contended contends vowed vows pledged pledges confirmed confirms
  agreed agrees answered answers interjected interjects opined opines
  reiterated reiterates wondered wonders thundered fumed snapped
  proclaimed proclaims texted emailed read reads
  asserted asserts affirmed affirms
  pressed barked retorted scoffed sniped mocked reacted remembered echoed
  echoes chanted sang riffed cracked marveled marvelled gushed groaned sighed
  deadpanned teased bragged brags blasted blasts slammed slams railed rails
  protested objected elaborated clarified ventured speculated reasoned
  confided confessed commented comments mentioned interrupted chimed
  relayed intoned griped offered offers advised advises revealed reveals
  write argue warn insist explain tell
`);

/** Cue verbs of two words, "as Smith put it", "Smith pointed out": each verb with the word that must follow it. */
export const PHRASAL_CUES = pairs(
  'put it, puts it, pointed out, points out, described as, describes as, hailed as, hails as, dismissed as, dismisses as, shot back, shoots back, fired back, fires back, hit back, hits back',
);

/** Verbs that give a thing a name in the speaker's own words, with the quote straight after their object: "called it "…"", "branding the plan "…"". */
export const NAMING_VERBS = list('called calls calling branded brands branding dubbed dubs dubbing labelled labeled labels labelling labeling');

/** Forms of "be" and "get" before a participle that make it passive: "was called", "being dubbed". */
export const PASSIVE_HELPERS = list('is are was were be been being get got gets getting');

/** Verbs that report another's words: the one after them "as saying" speaks ("the agency quoted Jo Roe as saying"). */
export const QUOTING_VERBS = list('quoted quotes quoting reported reports cited cites');

/** Participles that hang an attribution on the clause's own subject ("…, saying"). */
export const CUE_PARTICIPLES = list(`
  saying adding telling noting arguing writing explaining insisting warning
  declaring stating asking replying responding concluding recalling admitting
  acknowledging claiming suggesting predicting promising remarking announcing
  joking quipping complaining boasting emphasizing stressing urging cautioning
  lamenting tweeting posting reiterating asserting vowing pledging continuing
  chanting shouting yelling commenting pointing describing
`);

/** Words between a subject and its cue verb that do not end the subject. */
export const CUE_MODIFIERS = list(`
  also later then previously once recently repeatedly again simply just
  reportedly further has had have would will could might may since
  never often first finally already still even initially subsequently
  earlier famously publicly privately frequently
`);

/** Before a cue verb's -s form, these make it a plural noun: "his recent remarks", "the claims". */
export const NOUN_OPENERS = list('his her their its my our your the these those');

// ---------------------------------------------------------------------------
// Names: people, their titles and descriptions, organisations and groups

export const PRONOUNS = list('he she they it we i you who');

/** Honorifics and offices that make the name after them a person. */
export const TITLES = list(`
  president vice sen senator rep representative gov governor mr mrs ms miss dr
  secretary minister chancellor king queen prince princess judge justice gen
  general lt col colonel maj major capt captain adm admiral sgt rev pope
  ayatollah mayor sheriff speaker chair chairman chairwoman prime leader premier
  ambassador attorney commissioner councilman councilwoman congressman
  congresswoman assemblyman assemblywoman delegate professor prof coach chief director
  sheikh emir sir lord lady dame
`);

/** Titles that tell a person's sex, for choosing between "he" and "she". */
export const MALE_TITLES = list('mr king prince sir lord congressman councilman chairman assemblyman');
export const FEMALE_TITLES = list('mrs ms miss queen princess lady dame congresswoman councilwoman chairwoman assemblywoman');

/**
 * Lower-case words of a description that may stand between a capitalised
 * word and the name it describes: "Republican presidential nominee Jo Roe",
 * "campaign chairman Jo Roe".
 */
export const ROLE_WORDS = list(`
  presidential vice candidate nominee front-runner frontrunner hopeful
  contender rival challenger incumbent campaign chairman chairwoman chair
  manager spokesman spokeswoman spokesperson adviser advisor aide director
  secretary senator leader anchor reporter columnist correspondent
  editor writer analyst strategist pollster official chief executive founder
  president governor gov congressman congresswoman representative delegate
  press party national state county city council board staff senior former
  then-candidate
  commentator contributor economist historian professor researcher lawyer
  attorney activist organizer pastor mayor minister ambassador general
  counsel member members operative donor businessman businesswoman
  billionaire mogul star actor actress singer comedian pundit
  coach captain skipper boss owner player striker midfielder defender winger
  goalkeeper keeper fly-half scrum-half full-back flanker
  counterpart predecessor successor team-mate teammate
`);

/** First words of a speaker phrase that make it a description to keep as written ("the Iranian official"), not a name. */
export const DESCRIPTION_OPENERS = list('the a an one another');

/** Last words of a name that make it an organisation rather than a person. */
export const ORG_HEADS = list(`
  department party committee house senate congress court council news times
  post journal agency ministry university college school association inc corp
  co company group foundation institute center centre campaign network union
  administration office bureau commission organization organisation fund bank
  service force forces army navy police church club alliance coalition
  caucus board authority government press review magazine tribune herald
  gazette project team staff republicans democrats channel records
  television radio federation league society trust partners pac convention
  hotel plaza stadium festival championship championships cup tournament
  olympics awards act city united rovers wanderers athletic albion fc
  airlines airways motors capital security express
`);

/** Last words of a name that make it a place: no one speaks, and no "they" stands for it. */
export const PLACE_HEADS = list('county district province region street avenue island islands');

/** Heads of descriptions that stand for people but have no doer's ending and are not roles: "a source", "one student". */
export const PERSON_NOUNS = list(`
  source sources aide aides official officials student students friend friends
  spokesperson child children kid kids adult adults guy guys someone somebody
  anyone person people citizen citizens expert experts staffer staffers
  insider insiders ally allies colleague colleagues delegate delegates
  girl girls boy boys mom dad wife husband son daughter sister brother
  widow victim victims witness witnesses relative relatives neighbor neighbour
  president presidents resident residents opponent opponents agent agents
  correspondent client clients patient patients parent parents respondent
  respondents constituent constituents
`);

/** Plural nouns that "they" can refer back to as a group. */
export const GROUP_HEADS = list(`
  republicans democrats officials lawmakers leaders members critics supporters
  protesters aides advisers advisors voters officers authorities analysts
  experts residents workers activists investigators prosecutors researchers
  organizers candidates senators conservatives liberals police
`);

/**
 * The peoples of continents, countries and cities in the plural: a group,
 * never one person ("Americans say", "Britons requesting"). Forms that are
 * also adjectives and surnames ("French", "Welsh") are left out.
 */
export const DEMONYMS = list(`
  americans britons brits europeans africans asians australians canadians
  mexicans brazilians argentines argentinians chileans colombians peruvians
  venezuelans cubans germans spaniards italians belgians austrians swedes
  norwegians danes finns icelanders poles czechs slovaks hungarians romanians
  bulgarians greeks turks serbs croats bosnians albanians ukrainians russians
  belarusians georgians armenians iranians iraqis syrians jordanians israelis
  palestinians egyptians libyans tunisians algerians moroccans saudis yemenis
  afghans pakistanis indians bangladeshis koreans thais filipinos indonesians
  malaysians singaporeans nigerians kenyans ethiopians somalis ghanaians
  ugandans zimbabweans scots londoners parisians berliners dubliners
  muscovites scandinavians latinos latinas hispanics arabs kurds
`);

/** Capitalised words that describe the person a name follows, as titles and role words do ("Democrat Jo Varga", "Rival Jo Varga"): never a first name. */
export const AFFILIATIONS = list('democrat democratic republican gop labour tory independent rival presumptive neither nor');

/** Titles of local office, parliament and the police, beyond the extractor's titles: "Cllr Jo Varga", "Det Sgt Ana Lind", "MP Jo Varga". */
export const LOCAL_TITLES = list('councillor councilor cllr alderman inspector detective sergeant constable superintendent mp msp mep whip');

/** What may end a person's name after the surname: "Jo Varga Jr.". */
export const NAME_SUFFIXES = list('jr sr ii iii iv');

/** The pronouns of a man and of a woman, as the article's own evidence of a person's sex. */
export const MALE_PRONOUNS = list('he him his himself');
export const FEMALE_PRONOUNS = list('she her hers herself');
/** Pronouns that only a person takes: a name followed by one in its clause is a person's ("Varga compared himself"). */
export const PERSONAL_PRONOUNS = list('he she his her himself herself');

/** Role words after a capitalised word, which make that word whose the role is: "Harbour boss Jo Varga", "a Harbour spokesman". */
export const AFFILIATED_ROLES = list(`
  boss coach manager captain spokesman spokeswoman spokesperson chief chairman
  chairwoman director official officials president owner striker midfielder
  defender goalkeeper player players fans supporters team side squad
`);

/** First words of a speaker phrase that make it a group or a clause, never a name: "many Americans", "whose films include". */
export const DESCRIPTION_QUANTIFIERS = list('many most some few several all both whose which');

/** Determiners before a run of capitals, which makes it a thing: "the Grand Slam", "no Ireland team". */
export const THING_DETERMINERS = list('the this these those no every each any another');
/** Verbs that agree with a plural subject only: a team ("France were"), never one person. */
export const PLURAL_VERBS = list('are were have');
/** Words that join a subject to another, making it plural: "Varga and Lind were". */
export const JOINING_WORDS = list('and or nor &');
/** Pronouns a group or a thing takes, never one person: "Harbour said it had", "Harbour confirmed their lead". */
export const THING_PRONOUNS = list('it its they their');

/** Words that open a sentence as its subject and name no one: "This would make …", "There are …", "They included …". */
export const UNNAMED_SUBJECTS = list('this that these those it there they we i you');
/** Pronouns of a group or a thing that refer back to the clause's subject: "Harbour confirmed their lead". */
export const GROUP_POSSESSIVES = list('its their itself themselves');

/** Particles that join a surname with a hyphen and stay lower case: "al-Assad", "bin-Salman". */
export const NAME_PARTICLES = list('al el bin ibn de da di du van von le la');

// ---------------------------------------------------------------------------
// Sentence structure: where a subject, a phrase or a sentence starts and ends

/**
 * Capitalised words that open sentences and clauses without naming anyone;
 * a run of capitals starting with one of them starts after it.
 */
export const CAPITAL_FUNCTION_WORDS = list(`
  the a an in on at but and or for as if when while after before this that
  these those it he she they we i his her their its our my your there here
  then so yet also still since because although though however meanwhile
  asked speaking writing according despite during with without from to by of
  under over about into between among what which who whom whose where why how
  one no not some many most all both each every any other such even only just
  last next earlier later today yesterday tomorrow now meantime instead indeed
  moreover besides separately similarly likewise nonetheless nevertheless like unlike do does did
  otherwise overall often finally again specifically more less fewer several
  maybe perhaps already sometimes therefore thus hence ultimately anyway
  across through inside outside beyond near along around behind beside
  toward towards upon within amid against throughout beneath above below
`);

/** Words that end a noun phrase when met walking away from its head. */
export const CLAUSE_WORDS = list(`
  that and but or nor which when while as because if though although since
  so then than where whether after before until unless once not also said
  is are was were be been being has have had do does did will would can
  could should may might must to in on at by with from into during about
  over under against between without within through upon
`);

/** Conjunctions after which a name and a verb open a new clause with its own subject: "…, and Owen is confident". */
export const CLAUSE_CONJUNCTIONS = list('and but while as because though although whereas');
/** Words that open a sentence with a clause of its own before the main one: "When asked if Lee would start, Roe replied". */
export const SUBORDINATORS = list('when whenever if unless although though while whereas because since once until asked');
/** Words that open the main clause after such a clause and its comma: "… Wall Street, she said". */
export const MAIN_CLAUSE_OPENERS = list('he she they we i it the');

/** Auxiliaries: after a name, one shows the name is the subject of a verb ("Owen is confident", "Lee has said"). */
export const AUXILIARIES = list('is are was were has have had will would can could should may might must does did do');

/** Words that may sit inside a noun phrase between its words ("head of the agency"). */
export const PHRASE_LINKS = list('of for');

export const DETERMINERS = list('the a an his her their its this our one another some several many');

/** Prepositions: the phrase right after one is its object, never the subject of a clause ("Smith, at a rally in Ohio, said"). */
export const PREPOSITIONS = list('in on at from to by with into during near for of about after before over under across like');

/**
 * Words after which a noun phrase is an object, not a subject: prepositions,
 * and "against", "despite" and their kind. Not those that also open a clause
 * ("after Lee spoke", "since Lee spoke").
 */
export const OBJECT_MARKERS = list(`
  ${PREPOSITIONS.written.filter((w) => !['for', 'after', 'before'].includes(w)).join(' ')}
  against despite through without between among behind beyond towards toward
  upon versus
`);

/** Possessive determiners: a name right after one is a modifier ("his second Grand Slam title"). */
export const POSSESSIVE_DETERMINERS = list('his her their its our my your');
/** Determiners whose phrase, after a preposition, is its object: "since the World Cup final". */
export const OBJECT_DETERMINERS = list('the a an this that their his her its');
/** Personal pronouns that end a subject phrase and stand for it: "Despite praising the Irish he claimed". */
export const SUBJECT_PRONOUNS = list('he she they');
/** Capitalised function words that end a name in a title-case header: "Jo Varga On How Harbour Votes". */
export const HEADER_WORDS = list('on how why what when is are makes says to for with and');

/** Prepositions before a run of capitals that mark it as a place or a date. */
export const PLACE_PREPOSITIONS = list('in at from to near across throughout outside inside into via');
/**
 * Prepositions of a place or a time: the phrase after one is a setting, never
 * who speaks ("in a letter posted on Twitter"). Not those of a source or a
 * goal: "a letter from the Legion" goes on to speak.
 */
export const SETTING_PREPOSITIONS = list(`
  ${PLACE_PREPOSITIONS.written.filter((w) => !['from', 'to', 'via'].includes(w)).join(' ')}
  on during under over
`);
/** Prepositions whose object is a place, a team or a competition: "in England", "against Chelsea", "for Ireland". */
export const OBJECT_PREPOSITIONS = list(`${PLACE_PREPOSITIONS.written.join(' ')} against for versus vs`);

/** Past tenses that do not end in -ed: a description's words stop at them ("the admiral spoke of …"). */
export const IRREGULAR_PAST = list(`
  spoke took made gave went came got saw knew thought led held kept left met
  ran sent stood won lost paid sat felt found brought began became chose drew
  drove fell flew grew hid hit hung laid let meant rode rose sang shook shot
  shut sold sought spent struck swore taught threw understood woke wore did
  had was were
`);

/** Number words that open a sentence before its subject ("Fifteen minutes later, …"). */
export const NUMBER_WORDS = list(`
  one two three four five six seven eight nine ten eleven twelve thirteen
  fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
  fifty sixty seventy eighty ninety hundred several few
`);

export const TIME_WORDS = list(`
  monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december jan
  feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening
  night week weekend month year today yesterday tonight
`);

/** The days of the week and the months, written out: a date, never a first name ("June Trump" is a June event of Trump's). */
export const CALENDAR_NAMES = list(`
  monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december
`);

/** Spans of time that, with a word of order after them, open a sentence before its subject: "Minutes later, she …". */
export const TIME_UNITS = list('seconds minutes moments hours days weeks months years decades');
/** Words of order after a span of time: "Minutes later", "Days after", "Years ago". */
export const TIME_ORDER = list('later earlier ago after before on');

/** Words before a time word that belong to it: "on Tuesday", "last week", "early Monday". */
export const TIME_PREPOSITIONS = list('on last this early late');

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = list(`
  mr mrs ms dr sen rep gov gen lt col maj capt adm sgt rev st jr sr inc co corp
  ltd no vs jan feb mar apr jun jul aug sep sept oct nov dec prof ft mt pres
  sec atty supt dept univ ala ariz ark calif colo conn del fla ga ill ind kan
  ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash
  wis wyo
`);

// ---------------------------------------------------------------------------
// What marks hold when they hold no one's words

/** Words a title of a work keeps in lower case: "Of Mice and Men", "Meet the Press". */
export const TITLE_SMALL_WORDS = list('of the a an and or in on at to for with by from vs is are as up');

/** Words that name the work or the phrase in marks after them: a book titled "…", a campaign with the slogan "…". */
export const WORK_CUES = list('titled entitled headlined headline subtitled slogan tagline motto hashtag');

/** Units after a figure that make it a share of respondents: survey wording answered by "60 percent". */
export const SHARE_UNITS = list('percent % per');

/** Prepositions a signature line's description may hold besides the phrase links: "Jo Roe, a nurse in Leeds", "Jo Roe, a historian, on the campaign". */
export const SIGNATURE_LINKS = list('at in on');
