// Closed word classes the quote extractor leans on. They describe how English
// news copy attributes speech, not any one article, so they stay small and
// general; extend them when the corpus figures show a gap.

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Verbs that introduce speech or writing, in the forms news copy uses. */
export const CUE_VERBS = set(`
  said says say told tells added adds asked asks wrote writes tweeted tweets
  argued argues insisted insists warned warns explained explains noted notes
  continued continues declared declares stated states replied replies
  responded responds concluded concludes recalled recalls admitted admits
  acknowledged acknowledges claimed claims suggested suggests predicted predicts
  promised promises assured assures countered counters conceded concedes
  observed observes remarked remarks announced announces joked jokes quipped
  quips complained complains boasted boasts emphasized emphasizes stressed
  stresses urged urges cautioned cautions lamented laments mused muses posted
  posts shouted yelled exclaimed whispered testified reported reports recounted
  recounts pleaded demanded demands charged charges alleged alleges maintained
  maintains contended contends vowed vows pledged pledges confirmed confirms
  agreed agrees answered answers interjected interjects opined opines
  reiterated reiterates added wondered wonders thundered fumed snapped
  proclaimed proclaims announced tweeted texted emailed read reads
  explained writes wrote asserted asserts affirmed affirms
  pressed barked retorted scoffed sniped mocked reacted remembered echoed
  echoes chanted sang riffed cracked marveled marvelled gushed groaned sighed
  deadpanned teased bragged brags blasted blasts slammed slams railed rails
  protested objected elaborated clarified ventured speculated reasoned
  confided confessed commented comments mentioned interrupted chimed
  recounted relayed intoned griped conceded offered offers
  write argue warn insist explain tell
`);

/** Participles that hang an attribution on the clause's own subject ("…, saying"). */
export const CUE_PARTICIPLES = set(`
  saying adding telling noting arguing writing explaining insisting warning
  declaring stating asking replying responding concluding recalling admitting
  acknowledging claiming suggesting predicting promising remarking announcing
  joking quipping complaining boasting emphasizing stressing urging cautioning
  lamenting tweeting posting reiterating asserting vowing pledging continuing
  chanting shouting yelling writing commenting pointing recalling
`);

/** Words between a subject and its cue verb that do not end the subject. */
export const CUE_MODIFIERS = set(`
  also later then previously once recently repeatedly again simply just
  reportedly further has had have would will could might may has since
  never often first finally once already still even initially subsequently
  earlier famously publicly privately frequently
`);

export const PRONOUNS = set('he she they it we i you who');

/** Honorifics and offices that make the name after them a person. */
export const TITLES = set(`
  president vice sen senator rep representative gov governor mr mrs ms miss dr
  secretary minister chancellor king queen prince princess judge justice gen
  general lt col colonel maj major capt captain adm admiral sgt rev pope
  ayatollah mayor sheriff speaker chairman chairwoman prime leader premier
  ambassador attorney commissioner councilman councilwoman congressman
  congresswoman assemblyman delegate professor prof coach chief director
  sheikh emir sir lord lady dame
`);

/**
 * Lower-case words of a description that may stand between a capitalised
 * word and the name it describes: "Republican presidential nominee Jo Roe",
 * "campaign chairman Jo Roe".
 */
export const ROLE_WORDS = set(`
  presidential vice candidate nominee front-runner frontrunner hopeful
  contender rival challenger incumbent campaign chairman chairwoman chair
  manager spokesman spokeswoman spokesperson adviser advisor aide director
  secretary senator leader host anchor reporter columnist correspondent
  editor writer analyst strategist pollster official chief executive founder
  president governor gov congressman congresswoman representative delegate
  press party national state county city council board staff senior former
  then-candidate
  commentator contributor economist historian professor researcher lawyer
  attorney activist organizer pastor mayor minister ambassador general
  counsel member members operative donor businessman businesswoman
  billionaire mogul star actor actress singer comedian
`);

/** Past tenses that do not end in -ed: a description's words stop at them ("the admiral spoke of …"). */
export const IRREGULAR_PAST = set(`
  spoke took made gave went came got saw knew thought led held kept left met
  ran sent stood won lost paid sat felt found brought began became chose drew
  drove fell flew grew hid hit hung laid let meant rode rose sang shook shot
  shut sold sought spent struck swore taught threw understood woke wore did
  had was were
`);

/** Number words that open a sentence before its subject ("Fifteen minutes later, …"). */
export const NUMBER_WORDS = set(`
  one two three four five six seven eight nine ten eleven twelve thirteen
  fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
  fifty sixty seventy eighty ninety hundred several few
`);

/** Titles that tell a person's sex, for choosing between "he" and "she". */
export const MALE_TITLES = set('mr king prince sir lord congressman councilman chairman assemblyman');
export const FEMALE_TITLES = set('mrs ms miss queen princess lady dame congresswoman councilwoman chairwoman');

/** Last words of a name that make it an organisation rather than a person. */
export const ORG_HEADS = set(`
  department party committee house senate congress court council news times
  post journal agency ministry university college school association inc corp
  co company group foundation institute center centre campaign network union
  administration office bureau commission organization organisation fund bank
  service force forces army navy police church club alliance coalition
  caucus board authority government press review magazine tribune herald
  gazette project team staff republicans democrats network channel
  television radio federation league society trust partners pac
`);

/** Plural nouns that "they" can refer back to as a group. */
export const GROUP_HEADS = set(`
  republicans democrats officials lawmakers leaders members critics supporters
  protesters aides advisers advisors voters officers authorities analysts
  experts residents workers activists investigators prosecutors researchers
  organizers candidates senators democrats conservatives liberals
`);

/**
 * Capitalised words that open sentences and clauses without naming anyone;
 * a run of capitals starting with one of them starts after it.
 */
export const CAPITAL_FUNCTION_WORDS = set(`
  the a an in on at but and or for as if when while after before this that
  these those it he she they we i his her their its our my your there here
  then so yet also still since because although though however meanwhile
  asked speaking writing according despite during with without from to by of
  under over about into between among what which who whom whose where why how
  one no not some many most all both each every any other such even only just
  last next earlier later today yesterday tomorrow now meantime instead indeed
  moreover besides separately similarly likewise nonetheless nevertheless
  otherwise overall often finally again specifically
`);

export const TIME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december jan
  feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening
  night week weekend month year today yesterday tonight
`);

/** Words that end a noun phrase when met walking away from its head. */
export const CLAUSE_WORDS = set(`
  that and but or nor which when while as because if though although since
  so then than where whether after before until unless once not also said
  is are was were be been being has have had do does did will would can
  could should may might must to in on at by with from into during about
  over under against between without within through after upon
`);

/** Words that may sit inside a noun phrase between its words ("head of the agency"). */
export const PHRASE_LINKS = set('of for');

export const DETERMINERS = set('the a an his her their its this our one another some several many');

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr sen rep gov gen lt col maj capt adm sgt rev st jr sr inc co corp
  ltd no vs jan feb mar apr jun jul aug sep sept oct nov dec prof ft mt gov pres
  sec atty supt dept univ ala ariz ark calif colo conn del fla ga ill ind kan
  ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash
  wis wyo
`);

/** Prepositions before a run of capitals that mark it as a place or a date. */
export const PLACE_PREPOSITIONS = set('in at from to near across throughout outside inside into via');
