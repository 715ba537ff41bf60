/**
 * English danger and concern patterns, read over `normaliseForSafety` (lower case, no punctuation,
 * letters squeezed: write "kill", it reads "kil"). Acts of violence are patterns over a clause, not
 * phrases: a person, up to a few words that are not a negation ("he has never hit me" stays out), a
 * violence verb in any tense, then me, my body part, or an object thrown at me.
 */

import { readsAsBlowToMe } from './safety-clauses';
import type { SafetyRule } from './safety-rule';

const any = (...alternatives: string[]) => `(?:${alternatives.join('|')})`;

/** A negation word ("he didn't hit me"), though not "wouldn't stop hitting me". */
const NEGATION = '(?:never|not|no|nobody|nothing|neither|nor)\\b(?! (?:stop|stops|stopped|only|even)\\b)';
/** Up to `n` words, none a negation. */
const gap = (n: number) => `(?:(?!${NEGATION})\\w+ ){0,${n}}`;
/** Not right after a negation (two words between at most): "never threatened", "not suicidal". */
const NOT_NEGATED = `(?<!\\b${NEGATION}(?: \\w+){0,2} )`;

const RELATIVE = any(
  'partner',
  'husband',
  'wife',
  'boyfriend',
  'girlfriend',
  'spouse',
  'fiance',
  'fiancee',
  'dad',
  'father',
  'mom',
  'mum',
  'mother',
  'stepdad',
  'stepfather',
  'stepmom',
  'stepmother',
  'brother',
  'sister',
  'son',
  'daughter',
  'ex',
  'roommate',
);
/** Someone who can hurt the person writing. */
export const PERSON = any(
  'he',
  'she',
  'they',
  'you',
  'someone',
  'somebody',
  `(?:my |the |her |his |our )?(?:ex )?${RELATIVE}`,
  'the (?:man|guy|woman)',
);
/** Who makes a threat that is no figure of speech: "my mum will kill me" is one. */
const PARTNER = any(
  'he',
  'she',
  'they',
  'you',
  'someone',
  'somebody',
  '(?:my |the |her |his |our )?(?:ex )?(?:partner|husband|wife|boyfriend|girlfriend|spouse|fiance|fiancee|ex|bf|gf)',
  'the (?:man|guy|woman)',
);
/** People close to the person writing, as objects of a threat. */
const CLOSE = any(
  'us',
  `my (?:ex )?${RELATIVE}`,
  '(?:my|the|our) (?:kids|children|son|daughter|baby|babies|boys|girls|family|dog|cat)',
);
const KIDS = '(?:my|the|our|his|her) (?:kids|children|son|daughter|baby|babies|boys|girls|child|little one)';

const BODY = any(
  'face',
  'head',
  'arm',
  'arms',
  'neck',
  'throat',
  'stomach',
  'belly',
  'gut',
  'back',
  'chest',
  'leg',
  'legs',
  'hair',
  'wrist',
  'wrists',
  'eye',
  'eyes',
  'nose',
  'mouth',
  'lip',
  'lips',
  'jaw',
  'ribs',
  'rib',
  'side',
  'shoulder',
  'shoulders',
  'ear',
  'ears',
  'cheek',
  'body',
  'breast',
  'breasts',
  'foot',
  'feet',
  'knee',
  'knees',
  'skull',
  'teeth',
  'tooth',
  'finger',
  'fingers',
  'thigh',
  'hip',
  'spine',
  'kidney',
  'kidneys',
  'temple',
  'forehead',
  'hand',
  'hands',
);
const BODY_NOT_HAND = BODY.replace('|hand|hands', '');

const BLOWS = any(
  'hit',
  'hits',
  'hitting',
  'punch',
  'punches',
  'punched',
  'punching',
  'slap',
  'slaps',
  'slapped',
  'slapping',
  'smack',
  'smacks',
  'smacked',
  'smacking',
  'kick',
  'kicks',
  'kicked',
  'kicking',
  'beat',
  'beats',
  'beating',
  'beaten',
  'choke',
  'chokes',
  'choked',
  'choking',
  'strangle',
  'strangles',
  'strangled',
  'strangling',
  'throttle',
  'throttles',
  'throttled',
  'suffocate',
  'suffocated',
  'suffocating',
  'shove',
  'shoves',
  'shoved',
  'shoving',
  'bite',
  'bites',
  'bit',
  'biting',
  'bitten',
  'burn',
  'burns',
  'burned',
  'burnt',
  'burning',
  'scratch',
  'scratches',
  'scratched',
  'slam',
  'slams',
  'slammed',
  'slamming',
  'stab',
  'stabs',
  'stabbed',
  'stabbing',
  'shoot',
  'shoots',
  'shot',
  'headbutt',
  'headbutted',
  'elbowed',
  'kneed',
  'stomped on',
  'stomps on',
  'tackled',
  'attack',
  'attacks',
  'attacked',
  'attacking',
  'assault',
  'assaults',
  'assaulted',
  'rape',
  'rapes',
  'raped',
  'raping',
  'molest',
  'molests',
  'molested',
  'abuse',
  'abuses',
  'abused',
  'abusing',
  'batter',
  'batters',
  'battered',
  'whip',
  'whips',
  'whipped',
  'belted',
  'spit on',
  'spat on',
  'spits on',
  'body slammed',
  'pinned',
  'pins',
  'kneels on',
  'knelt on',
  'sat on',
  'sits on',
  'choke slammed',
  'bashed',
  'bashes',
  'backhanded',
  'backhands',
  'whacked',
  'whacks',
  'socked',
  'clocked',
  'decked',
  'slugged',
  'thumped',
  'pummeled',
  'pummelled',
  'walloped',
  'kneed',
  'poisoned',
  'drugged',
  'smothered',
  'smothers',
  'knocked',
  'knocks',
  'stomped',
  'jumped',
  'mauled',
  'tased',
  'maced',
  'pepper sprayed',
  'ran over',
  'run over',
  'tried to drown',
  'held down',
  'held me down',
);
/** What may follow "<verb> me" in an idiom: "hit me up", "beat me at chess", "shot me a text". */
const NOT_AFTER_ME = `(?! ${any(
  'up',
  'out(?! cold)',
  'down',
  'off',
  'away',
  'to it',
  'to the',
  'too',
  'at (?:chess|cards|pool|tennis|golf|games?|\\w+ing|everything|his own game|her own game)',
  '(?<=\\bbeats? me )at (?!(?:home|night)\\b)',
  '(?<=\\bbeats? me )(?:why|how|what|who|where|whether|if)',
  'with (?:the |a |an |his |her |that |this |those |some |all )?(?:news|truth|question|questions|bombshell|bill|text|texts|facts?|reality|realization|idea|story|stories|list|offer|ultimatum|silent treatment|confession|guilt|details|request|attitude|sarcasm|papers|snowball|compliments|love|kindness|questions|surprise (?:dinner|party|trip|gift|visit|date|breakfast)|surprise|gift|present|joke|jokes|plan)',
  'in (?:a |the )?(?:race|game|argument|debate|poker)',
  'for (?:a |the )?(?:spot|job|chance|promotion)',
  '(?:a|an|some) (?:coffee|drink|tea|beer|snack|sandwich|text|message|line|note|look|smile|glance|email|dm|favor|break|bone)',
  'like a ton of bricks',
  'hard (?:when|that|how)',
)}\\b)`;

const THROWS = any(
  'threw',
  'throws',
  'throw',
  'throwing',
  'thrown',
  'hurled',
  'hurls',
  'chucked',
  'chucks',
  'flung',
  'flings',
  'lobbed',
  'lobs',
  'pelted',
  'launched',
  'tossed',
  'fired',
);
const WEAPON = any(
  'gun',
  'knife',
  'pistol',
  'rifle',
  'shotgun',
  'blade',
  'weapon',
  'machete',
  'bat',
  'hammer',
  'razor',
);
const MODAL = any(
  'will',
  'would',
  'is going to',
  'going to',
  'was going to',
  'wants to',
  'want to',
  'tried to',
  'tries to',
  'try to',
  'threatened to',
  'threatens to',
  'threatening to',
  'could',
  'might',
  'is about to',
  'is gonna',
  'swore to',
  'swears to',
  'promised to',
);
const HARM = any(
  'kill',
  'murder',
  'shoot',
  'stab',
  'strangle',
  'choke',
  'hurt',
  'harm',
  'beat',
  'rape',
  'burn',
  'drown',
  'bury',
  'end',
);

/** What people in this program threaten that is no danger: to leave, to divorce, to tell someone. */
const HARMLESS_THREAT = any(
  'leave',
  'divorce',
  'go',
  'break up',
  'end it',
  'end things',
  'end the marriage',
  'move out',
  'tell',
  'walk',
  'walk out',
  'quit',
  'cancel',
  'call (?!(?:the )?(?:police|cops)\\b)',
  'take away (?:my|the) (?:phone|car|tv|keys)',
  'stop',
  'sell',
  'report',
  'expose',
  'text',
  'email',
  'sue',
  'kick me out',
  'post about',
  'post (?:it|this|that) ',
  'out me',
  'shame me',
  'tell everyone',
  'publish',
  'write about',
  'fire',
  'evict',
  'ground',
  'take (?:away )?(?:my|the) (?:phone|car|tv|keys|laptop|xbox)',
  'cheat',
  'move',
  'change',
  'go back',
  'stop talking',
);
/** Consent to transparency, a practice of this program: "I let her read my texts", "we agreed". */
export const CONSENT =
  '\\b(?:i let (?:him|her|them)|i agreed|we agreed|we both|i offered|i asked (?:him|her|them) to|i gave (?:him|her|them)|each others?|i earned|part of (?:rebuilding|the program|our agreement|our deal)|with my (?:permission|consent)|it helps|lo acordamos|acordamos|los dos (?:lo )?(?:acordamos|quisimos|decidimos)|estamos de acuerdo|(?:yo )?se lo (?:pedi|permiti|ofreci)|le (?:di|doy) permiso|con mi permiso|fue idea mia|nos compartimos)\\b';
/** Objects one can be hit with (so "hit with a parking ticket" is no blow). */
const HIT_WITH = any(
  'belt',
  'bat',
  'bottle',
  'glass',
  'plate',
  'pan',
  'frying pan',
  'chair',
  'phone',
  'shoe',
  'stick',
  'hammer',
  'knife',
  'lamp',
  'remote',
  'cord',
  'cable',
  'fist',
  'fists',
  'book',
  'mug',
  'cup',
  'hanger',
  'pot',
  'board',
  'pipe',
  'rock',
  'brick',
  'bag',
  'keys',
  'gun',
  'hand',
  'open hand',
  'back of (?:his|her) hand',
  'broom',
  'bottle',
  'wrench',
  'golf club',
  'baseball bat',
  'pistol',
  'car door',
  'door',
  'vase',
  'ashtray',
  'plank',
  'whip',
  'wire',
  'extension cord',
  'razor',
  'blade',
);

const rules = (
  level: SafetyRule['level'],
  category: SafetyRule['category'],
  kind: string,
  patterns: string[],
  extra: Partial<SafetyRule> = {},
): SafetyRule[] => patterns.map((pattern) => ({ level, category, kind, pattern, ...extra }));

const SELF_HARM: SafetyRule[] = [
  ...rules('danger', 'self-harm', 'direct', [
    `${NOT_NEGATED}\\b(?:suicide|suicidal|suicides)\\b(?! (?:prevention|hotline|awareness|squad|storyline|story line|plot|episode|scene|documentary|rates?|statistics|bomber|bombing|mission|doors|king)\\b)`,
    `${NOT_NEGATED}\\b(?:kill|killing|killed|hang|hanging|hanged|shoot|shooting|drown|drowning|poison|poisoning|starve|starving|stab|offing|(?:to|will|gonna|just|might|should|could) off) myself\\b(?! (?:at work|laughing|over|to (?:finish|get|make|pay)))`,
    `${NOT_NEGATED}\\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing) myself\\b(?! (?:cooking|shaving|by accident|accidentally|chopping|on (?:a|the|my)|with (?:a|the) (?:knife|paper|can))\\b)`,
    '\\bcutting (?:again|myself|my (?:arms?|legs?|wrists?|thighs?))\\b',
    '(?:^ |\\bi (?:\\w+ ){0,2})(?:cut|cuts|slit|slitting|slice|sliced) (?:my|both) (?:wrists?|arms?|thighs?|veins?|throat)\\b',
    `${NOT_NEGATED}\\bself (?:harm|harming|injury|injuring|hatred and)\\b`,
    '\\b(?:end|ending|take|taking|took) (?:my|my own) life\\b',
    '\\bend(?:ing)? it (?:all|tonight|today|tomorrow|this weekend|for good|now|soon|once and for all)\\b',
    '\\b(?:want|wants|wanted|wanting|ready|planning|plan|deserve|going|need|longing|wish i could|would rather) to die\\b(?! (?:of|from|laughing|for|on (?:this|that|a|the) hill)\\b)',
    '\\bi (?:should|could just|just want to|might as well|want to) die\\b(?! (?:of|from|laughing)\\b)',
    '\\b(?:want|wanting|ready) (?:to be|to just be) dead\\b',
    '\\bwish (?:i|i had|i could) (?:was|were|had|could)? ?(?:dead|died|die|never been born|never born|not born|not been born|not alive|not here|not exist)\\b|\\bwish i (?:was|were|had) never (?:been )?born\\b',
    '\\bi (?:cut|have cut|been cutting|started cutting|am cutting|cut myself) (?:again|last night|today|tonight|this morning|yesterday)\\b',
    '\\bi (?:have )?attempted\\b(?! (?:the|to (?!kill|end|take)|a|an|it|that|this|my (?!life)|his|her|our|some|every|all)\\b)',
    '\\b(?:bought|got|buying) (?:a|the) (?:gun|rope|noose|razor|blades) (?:for myself|to use on myself)\\b',
    '\\b(?:take|taking|swallow|swallowing|took|swallowed) (?:them|it|the bottle|the whole bottle) all\\b(?=.*\\b(?:pills|meds|tablets|bottle)\\b)|\\b(?:pills|meds|tablets|bottle)\\b.*\\b(?:take|taking|swallow|swallowing|took|swallowed) (?:them|it) all\\b',
    '\\b(?:rather|better) (?:be|off) dead\\b',
    `${NOT_NEGATED}\\b(?:do not|no longer|not|never|dont) (?:\\w+ ){0,2}(?:want|wish) to (?:live|be alive|exist|wake up|be here anymore|be here any more|go on living|keep living)\\b(?! (?:like this|this way|with (?:him|her|them|this|the|lies|a liar)|in (?:this|fear|a marriage)|together)\\b)`,
    '\\b(?:do not|not) want to be alive\\b',
    '\\bkill me now\\b(?! lol)',
  ]),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\bwhat is (?:even )?the point (?:of (?:anything|it all|living|life|going on|trying|me|being here|being alive|waking up|any of (?:it|this))|anymore|any more)\\b',
    '\\bbetter off (?:dead|without me|if i (?:was|were|am|was not|were not|died|disappeared) (?:dead|gone|not here|not around|here)?)',
    '\\b(?:better|fine|happier|ok|okay|alright|all right) (?:off )?without me\\b',
    '\\b(?:easier|better|simpler|so easy|easy) to (?:just )?(?:not be alive|be dead|die|not exist|not wake up|not be here|end it)\\b(?! (?:at|for|by|on|in time|when|during|tomorrow|today|with)\\b)',
    '\\b(?:no|not any|any) (?:point|reason|use) (?:in |of |to )?(?:going on|carrying on|living|to live|being alive|being here|staying alive|keep going|keeping going|to keep going|go on|to go on|to stay)\\b',
    '\\bnothing (?:left )?to live for\\b',
    '\\b(?:life|living) (?:is not|is) (?:not )?worth (?:it|living)\\b(?! (?:with|for)\\b)',
    '\\bcan not go on(?: (?:any ?more|any longer|living|with life))?(?= $| i | it is | but | and (?!on\\b)| so )(?!.*\\blike this\\b)',
    '\\b(?:will not|might not|may not) be (?:alive|around|here|a problem|a burden) (?:\\w+ ){0,2}(?:much longer|for long|anymore|any more|soon)\\b',
    '\\b(?:everything|it all|all of (?:it|this)|my life|the pain|life) to (?:just )?(?:stop|end) (?:permanently|forever|for good)\\b',
    '\\bway out (?:\\w+ ){0,3}except (?:one|death|dying)\\b|\\bonly way out\\b',
    '\\b(?:disappear|vanish) (?:forever|for good|permanently)\\b',
    '\\bwant to (?:disappear|vanish)\\b(?! for\\b| from\\b| with\\b| into\\b)',
    '\\b(?:no one|nobody) (?:would|will) (?:even )?(?:miss me|notice(?= $| if i| me\\b| i was gone| i am gone)|care if i|care about me|know if i)\\b',
    '\\b(?:am|i am|being|feel like) (?:just )?(?:a|such a) burden\\b(?! on (?:my|our) \\w+ (?:for|with|while|until|right now)\\b| financially\\b| for (?:childcare|money|rides)\\b)',
    '\\btired of (?:living|being alive|life|existing)\\b',
    '\\bsleep forever\\b|\\b(?:never|not) wake up\\b',
    '\\b(?:drive|driving|drove|crash|crashing|swerve|swerving) (?:my car |the car )?(?:into|off) (?:a|the) (?:tree|wall|bridge|cliff|river|truck|lake|pole|traffic|road|overpass)\\b',
    '\\b(?:step|stepping|walk|walking|jump|jumping) (?:off|in front of|into) (?:a|the) (?:bridge|building|roof|train|cliff|bus|truck|traffic|river|balcony)\\b',
    '\\b(?:everyone|everybody|they|kids|children|family|he|she|you|the world|world) (?:would|will) be (?:better|happier) (?:off )?(?:if i|without me)\\b',
    '\\b(?:no|not any|any) (?:point|reason|use) (?:to |in |of )?(?:any of (?:this|it)|anything|life|it all)\\b (?:\\w+ ){0,2}(?:anymore|any more)\\b',
    '\\b(?:no|not any|any) reason for me to (?:be here|live|exist|keep going|go on|stay|be alive)\\b|\\b(?:everyone|everybody|the world|they|the kids) (?:would|will) be better off $',
    '\\bwant (?:it all|everything|all of (?:it|this)|my life) to (?:end|be over)\\b',
    '\\b(?:easier|better|best|happier|more peaceful|a relief|simpler|relieved|glad|fine|free|lighter) (?:\\w+ ){0,4}(?:if|when) i (?:was|were|am|died|die|was dead|were dead|was gone|were gone|was not here|were not here|did not wake up|never woke up|just died|disappeared)\\b(?! (?:for|from|at|on) (?:a|the|this|work|vacation|holiday|trip|weekend)\\b)',
    '\\b(?:feel like|think about|thinking about|thought about|thinking of|going|plan|planning|ready|close) (?:\\w+ ){0,2}(?:ending|to end) (?:everything|it all|my life|it|myself)\\b(?! (?:with|between|off|for (?:us|the (?:night|day)))\\b)',
    '\\b(?:do not think|dont think|doubt|not sure) i (?:will|wil|would) (?:be here|be around|be alive|make it|survive)\\b(?! (?:for|at|to|in time|on time|when)\\b)',
    '\\b(?:not|never|stop) waking up\\b|\\b(?:sleep|asleep) (?:and )?(?:stay asleep|never wake|not wake|forever)\\b|\\bstay asleep forever\\b',
    '\\b(?:nobody|no one) (?:needs|wants|would want) me (?:here|anymore|any more|around|alive)\\b|\\b(?:nobody|no one) needs me $',
    '\\bdone\\b(?: \\w+){0,6} with (?:life|living|being alive|existing)\\b',
    '\\b(?:imagining|imagine|planning|planned|picturing|thinking about|dreaming about|dream about|think about) (?:my|my own) (?:funeral|death|grave)\\b',
    '\\bwhat is the (?:use|point) (?:of|in) (?:living|being alive|going on|life|existing|trying anymore)\\b|\\bsee (?:the|a|any) (?:point|reason) (?:in|of|to) (?:living|life|going on|being alive|being here|anything|existing|waking up)\\b',
    `${NOT_NEGATED}\\b(?:stop|not) (?:existing|exist|being alive|breathing)\\b(?<!\\b(?:do not|does not) exist)`,
    '\\b(?:done|finished) with (?:life|living|being alive|everything and everyone|this world)\\b|\\bdone living\\b',
    '\\b(?:go|went|going|gone) away (?:for good|forever|permanently)\\b|\\b(?:leave|leaving|left) this world\\b|\\bnot in this world\\b',
    '\\bcan not (?:keep|go on) living\\b(?! (?:with|in|like this with)\\b)',
    `\\b(?:care|notice|matter|miss me|be sad) if i (?:died|was dead|were dead|was gone|were gone|disappeared|killed myself|was not here|were not here)\\b`,
    '\\b(?:thinking|think|thought|thinking seriously) (?:about|of) (?:ending it|ending my life|ending everything|not being here|dying|death|killing myself|taking my life)\\b(?! (?:with|between)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'plan', [
    '\\b(?:have|made|making|got|wrote|written) (?:a|the|my) plan (?:to|for) (?:end|die|kill|do it|it|suicide|my death)',
    '\\bknow (?:how|when|where) (?:i would|i will|i am going to|i should|to) do it\\b',
    '\\bhow i (?:would|will|am going to) do it\\b',
    '\\b(?:looking up|looked up|googling|googled|researching|researched|reading about|searching|searched) (?:\\w+ ){0,2}(?:ways to (?:die|kill myself|end it)|how (?:to die|to kill myself|to end it|many pills|much \\w+ (?:it takes|would))|lethal (?:dose|doses)|painless ways)',
    '\\b(?:picked|chose|chosen|set|have) (?:a|the) (?:date|day|time|night) (?:to|for) (?:end|die|do it|kill|my)',
    '\\btonights? (?:is )?the night\\b(?! (?:for|of)\\b)(?!.*\\b(?:date|party|game|concert|premiere|finale|dinner|show|anniversary|celebrat\\w*|fun|excited|we|tell|talk|confess|propose|ask)\\b)',
    '\\bdo it\\b(?: \\w+){0,4} when (?:nobody|no one) is (?:home|around|here|looking|awake)\\b',
    '\\b(?:pills|gun|rope|noose|razor blades|blades|poison|meds|sleeping pills) (?:\\w+ ){0,2}to (?:end it|end my life|kill myself|die|do it|end everything)\\b',
    '\\b(?:decided|planned|planning|plan|chosen|chose) (?:\\w+ ){0,3}(?:when|how|where) (?:i will|i am going to|to) (?:do it|end it|go)\\b|\\b(?:decided|planned|plan) (?:it|to do it) (?:for )?(?:tonight|tomorrow|this weekend|on \\w+day|\\w+day)\\b',
    '\\bstash of (?:pills|meds|tablets|sleeping pills|painkillers)\\b|\\b(?:garage|car) (?:\\w+ ){0,3}(?:engine|car) running\\b|\\bcar running in the garage\\b',
    '\\b(?:pills|meds|tablets) (?:counted|lined up|ready|saved|set aside)\\b|\\benough (?:pills|meds|tablets|sleeping pills) (?:to|saved|stashed|for)\\b',
  ]),
  ...rules('danger', 'self-harm', 'means', [
    '\\b(?:overdose|overdosed|overdosing)\\b(?! on (?:coffee|caffeine|sugar|candy|chocolate|netflix|tv|work))',
    '\\b(?:od|oded) on (?:pills|meds|my|something|drugs|sleeping)\\b',
    '(?<!\\b(?:dog|dogs|cat|puppy|kitten|toddler|baby|grandma|grandpa) (?:\\w+ )?)\\b(?:take|took|swallow|swallowed|taking|swallowing|downed|down) (?:all|all of|a bunch of|a lot of|a handful of|a whole bottle of|the whole bottle of|too many|a bottle of|every one of) (?:my |the |those )?(?:sleeping )?(?:pills|meds|tablets|medication|medications|painkillers|sleeping pills)\\b',
    '\\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|stashing|stashed) (?:up )?(?:my |all my |the |some )?(?:sleeping )?(?:pills|meds|tablets|medication|medications|painkillers|antidepressants|opioids|oxys?|xanax|ambien|benzos|insulin|tylenol|sleeping pills)\\b',
    '\\b(?:razor blades?|razors|blades|rope|noose) (?:hidden|stashed|ready|under)\\b|\\b(?:have|bought|got|keep|kept|hid) (?:a |some |the )?(?:razor blades?|noose|rope)\\b(?! (?:for|to) (?:the|my|a) (?:swing|boat|tent|camping|hammock|garden|dog))',
    '\\b(?:looking at|staring at|holding|thinking about|keep thinking about) (?:the|his|my|a) (?:gun|pills|rope|razor|blade|bottle of pills)\\b(?! (?:show|safe|range|license)\\b)',
    '\\b(?:gun|pills|rope|noose|razor|blade|blades|bridge)\\b(?: \\w+){0,8} (?:keep|kept|been|am|i am|cant stop|can not stop) (?:looking at|staring at|thinking about|going back to|holding|playing with) (?:it|them)\\b',
    '\\b(?:collecting|collected|saving|saved|stockpiling|stashing|hoarding|buying|bought) (?:up )?(?:razor )?(?:blades|razors)\\b',
    '\\b(?:use|using|turn|turning|point|pointing|put|putting) (?:it|the gun|a gun|that gun|his gun|the knife|a knife|them) (?:on|at|to) (?:myself|my head)\\b',
    '\\b(?:standing|stand|stood|sitting|sat|keep standing) (?:\\w+ ){0,1}(?:on|at) (?:the|a) (?:bridge|ledge|edge of the roof|rooftop|train tracks|tracks|cliff)\\b',
    '(?:^ |\\bi (?:\\w+ ){0,2})slit(?:ting)? my (?:wrists?|throat)\\b',
  ]),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\bthis is (?:my )?goodbye\\b|\\bgoodbye (?:everyone|forever|for good|world|all)\\b|\\bsaying goodbye (?:to everyone|forever)\\b',
    '\\b(?:my|this is my|this will be my|this is the|the) (?:last|final) (?:message|text|words|goodbye|note)\\b(?! (?:for|before|until|of the|tonight|today|about|on)\\b)',
    '\\b(?:tell|let) (?:my|the) (?:kids|children|son|daughter|family|mom|mum|dad|wife|husband|parents|sister|brother) (?:that )?i (?:am sorry|love|loved)\\b',
    '\\b(?:say|saying|said|wanted to say|to say) (?:goodbye|good bye|bye) (?:to )?(?:you all|all of you|everyone|everybody|yall|forever)\\b|\\bgoodbye (?:\\w+ ){0,2}thank you for everything\\b|\\bthank you for everything (?:\\w+ ){0,3}goodbye\\b',
    '\\b(?:will not|wont) be (?:around|here|alive) (?:to|for|when)\\b',
    '\\b(?:take care of|look after|care for) (?:my|the) (?:kids|children|son|daughter|dog|cat|babies|boys|girls)(?: for me)?\\b(?:(?=.*\\b(?:goodbye|good bye|bye|farewell|i am sorry|when i am gone|i love them|thanks for everything|thank you for everything|time for me to go|forgive me|i will not be (?:here|around))\\b)|(?<=\\b(?:goodbye|good bye|bye|farewell|i am sorry|when i am gone|i love them|thanks for everything|thank you for everything|time for me to go|forgive me|i will not be (?:here|around))\\b.*))',
    '\\bsorry for everything\\b.*\\b(?:goodbye|good bye|bye|farewell)\\b|\\b(?:goodbye|farewell)\\b.*\\bsorry for everything\\b|\\bsaid my goodbyes\\b',
    '\\b(?:know|knows|remember|tell (?:them|him|her)) (?:that )?i loved (?:them|him|her|you)\\b',
    '\\b(?:wrote|written|writing|left|leaving) (?:\\w+ ){0,2}(?:letters|a letter|a note|notes) (?:to|for) (?:everyone|my|the kids|each|all)\\b(?!.*\\b(?:birthday\\w*|christmas|holiday\\w*|anniversary|thank you|cards?|apolog\\w*|homework|exercise|therapist|counsel\\w*|amends|school|camp|lunch)\\b)|\\b(?:suicide|goodbye) (?:note|letter|letters)\\b',
    '\\bby the time (?:you|anyone|someone) (?:read|reads|get|gets|see|sees) this\\b',
    '\\b(?:gave|given|giving) away (?:all )?(?:my|all my) (?:things|stuff|belongings|possessions|clothes|books)\\b',
    '\\b(?:look|looking) after my (?:kids|children|dog|cat|son|daughter) (?:for me )?when i am gone\\b|\\bwhen i am gone\\b',
  ]),
  ...rules('danger', 'self-harm', 'past-act', [
    '\\b(?:attempted|attempt|tried|try) (?:to )?(?:suicide|kill myself|end my life|end it|take my life|overdose)\\b',
    '\\b(?:my|last|previous|suicide) attempts?\\b(?! (?:at|to) (?:talk|fix|save|reach|be))',
  ]),
  // Someone close threatening their own life is a crisis too (and, often, a form of control).
  ...rules('danger', 'self-harm', 'other-person', [
    `\\b${PERSON} ${gap(4)}(?:kill|hurt|harm|shoot|hang) (?:himself|herself|themselves|themself)\\b`,
  ]),
];

/** Fear for oneself or one's own: "I fear for my life", "scared for my kids". */
const AFRAID_FOR_MY = '\\b(?:fear|fearing|scared|afraid|terrified|frightened) for my';

const ABUSE: SafetyRule[] = [
  ...rules('danger', 'abuse', 'physical', [
    // A person, a few words that are not a negation, a blow, me.
    `\\b${PERSON} ${gap(3)}${BLOWS} me\\b${NOT_AFTER_ME}`,
    // Blows with no named subject: "punched me in the face", "then choked me".
    `${NOT_NEGATED}\\b(?:punched|punches|slapped|slaps|strangled|strangles|choked|chokes|kicked|kicks|smacked|shoved|raped|stabbed|headbutted|beat|beats) me\\b${NOT_AFTER_ME}(?<!\\bchoked me up)`,
    `\\b${PERSON} ${gap(3)}(?:push|pushes|pushed|pushing) me\\b(?! (?:to|away|forward|too|into (?!(?:the |a )?(?:wall|door|floor|ground|table|counter|car|window|stairs|glass|mirror|fridge|dresser|tub)\\b)|a bit|for)\\b)`,
    `\\b${PERSON} ${gap(3)}(?:grab|grabs|grabbed|grabbing) me\\b(?! (?:a|an|some|coffee|food|lunch|dinner|something|one|another|by surprise|by (?:the|my) hands?)\\b)(?!.*\\b(?:danc\\w*|hugg\\w*|kiss\\w*)\\b)`,
    `\\b${PERSON} ${gap(3)}${THROWS} me\\b(?! (?:a|an|under|off|for|out|into (?:a |the )?(?:panic|spiral|loop))\\b)`,
    `\\b${PERSON} ${gap(3)}(?:dragged|drags|drag|dragging|pulled|pulls|yanked|yanks) me (?:by|across|along|down|through|on|off|out of (?:bed|the car)|into the (?:bedroom|room|car|house))\\b`,
    // A blow to a part of my body: "slammed my head against", "kicked me in the stomach".
    `\\b${PERSON} ${gap(3)}${any(BLOWS.slice(3, -1), 'cut', 'cuts', 'broke', 'breaks', 'broken', 'twisted', 'twists', 'bent', 'crushed', 'stepped on', 'hurt', 'hurts', 'injured', 'sprained', 'dislocated', 'fractured', 'split', 'bloodied', 'bruised', 'poked', 'jabbed')} (?:me )?(?:\\w+ )?(?:in |on |across |over |into |against |at |by |around |to )?(?:my|the) (?:\\w+ )?${BODY}\\b(?! (?:to|into) (?:go|going|do|doing|it|coming|\\w+ing)\\b)`,
    `\\b${PERSON} ${gap(3)}(?:grabbed|grabs|grab|held|holds|squeezed|squeezes|pulled|pulls|yanked|yanks|shook|shakes|pinned|pins) (?:me )?(?:\\w+ )?(?:by |around |on )?(?:my|the) (?:\\w+ )?${BODY_NOT_HAND}\\b(?<!pulled my leg|pulls my leg|pulled my leg\\b)(?! (?:during|to show|while we|(?:\\w+ )?to (?:stop|keep|pull|save|help|steady|catch|get my attention|comfort|calm)|so i (?:would not|did not|could not)|before i))`,
    `${NOT_NEGATED}\\b(?:put|puts|had|has|wrapped|wraps|laid|lays|lay) (?:his|her|their|both) hands? (?:around|on) (?:my )?(?:neck|throat|me)\\b`,
    `${NOT_NEGATED}\\b(?:laid|lays|put|puts|lay) (?:a )?(?:finger|hand|hands) on me\\b`,
    `${NOT_NEGATED}(?:^ |\\bi (?:\\w+ )?)(?:got|get|was|am|been|being|keep getting|getting|were)(?: \\w+)? (?:hit|punched|slapped|kicked|beaten|beat up|choked|strangled|shoved|pushed around|raped|assaulted|attacked|abused|stabbed|smacked|molested|battered|burned|strangled|shot)\\b(?! (?:hard |so hard |really hard |pretty hard )?(?:by (?:a |the |this |that |an )?(?:car|ball|bus|truck|wave|bike|door|reality|memories|memory|guilt|nostalgia|sadness|flu|cold|virus|covid|storm|news|realization|grief|truth|bill|tax|taxes|traffic)|with (?!(?:a |an |the |his |her |their )?(?:\\w+ )?${HIT_WITH}\\b)|at (?:chess|cards|pool|games?|tennis)|out|up with|down|as a (?:kid|child|teen|teenager))\\b)`,
    `${NOT_NEGATED}\\b(?:choked|chokes|knocked|knocks|beat|beats|punched|slammed|threw|throws|pushed|pushes|shoved|shoves|held|holds|pinned|pins|tackled|kicked|dragged) me (?:out cold|out|down|to the (?:ground|floor)|over)\\b(?<!\\b(?:kicked|threw|throws) me out)(?!.*\\b(?:tickl\\w*|wrestl\\w*|practice|sparring|play fight\\w*|playing|jiu jitsu|judo|mma)\\b)`,
    `${NOT_NEGATED}\\b${PERSON} ${gap(3)}(?:busted|split|bloodied|broke|bruised|knocked out|knocked) my (?:\\w+ )?${BODY}\\b`,
    `${NOT_NEGATED}\\b${PERSON} ${gap(3)}(?:almost|nearly|could have|tried to|try to|tries to|wanted to) (?:kill|killed|murder|murdered|drown|drowned|strangle|strangled|suffocate|suffocated|run me over|ran me over|smother|poison|shoot|stab)\\b`,
    '\\b(?:i am|i was|i keep|still) (?:bleeding|bleeding badly)\\b|\\b(?:in|at|to) the (?:hospital|er|emergency room) (?:because of|after|thanks to) (?:him|her|them|what (?:he|she) did|my \\w+)\\b',
    `${NOT_NEGATED}\\b(?:gets|got|been|was|is|getting|can be|becomes|became) (?:\\w+ )?(?:rough|violent|physical|handsy) with me\\b`,
    '\\b(?:put|puts|had|has|got|holds|held) me in (?:a )?(?:headlock|chokehold|choke hold|sleeper hold|stranglehold)\\b|\\b(?:headlock|chokehold|choke hold)\\b',
    `${NOT_NEGATED}\\b(?:pushed|pushes|pushing|shoved|shoves|knocked|knocks|slapped|slaps|smacked|kicked|threw|throws|thrown) me around\\b`,
    `\\b(?:cut|cuts|slashed|sliced) me (?:with|on|across)\\b`,
    '\\b(?:beat|beats|beating|beaten) me up\\b|\\bbeat (?:the (?:crap|shit|hell|life) )?out of me\\b',
    `\\b(?:i have|i had|i got|got|covered in|left|leaves|leaving|full of|gave me|giving me|gives me) (?:\\w+ ){0,2}(?:bruises|bruised|a black eye|black eyes|a split lip|welts|a concussion|broken ribs|a broken (?:nose|arm|rib|jaw|wrist|finger))\\b`,
    `\\bbruises (?:\\w+ ){0,4}(?:from (?:him|her|them|my \\w+)|where (?:he|she))\\b`,
    `${NOT_NEGATED}\\b(?:physically|violently) (?:hurt|hurts|hurting|harm|harmed|attacked|abused|assaulted|attacks|violent)\\b`,
    `${NOT_NEGATED}\\b(?:hurt|hurts|hurting|harm|harmed) me physically\\b`,
    `${NOT_NEGATED}(?<!\\b(?:about|on|regarding|documentary|article|podcast|movie|show|book|class|training|awareness|video|film)(?: \\w+){0,2} )\\b(?:domestic (?:violence|abuse)|(?:emotional|emotionally|verbal|verbally|physical|physically|sexual|sexually|financial|financially|mental|mentally) abus(?:e|ed|ive|ing))\\b`,
    `${NOT_NEGATED}\\b(?<!(?:substance|drug|alcohol|drinking|steroid|child) )(?<!\\b(?:his|her|their|my) (?:dad|father|mom|mother|stepdad|stepfather|parents?|family|ex|grandfather|uncle) (?:who )?(?:was|were|is|had been) (?:\\w+ )?)abus(?:e|ive|er)\\b(?! of (?:power|the system|alcohol|drugs|substances|trust|my trust|our trust|privilege|the rules))(?!.*\\b(?:years ago|long ago|as a (?:kid|child|teen)|growing up|when i was (?:little|young|a kid|a child|a teen))\\b)(?<!\\babuse of trust)`,
    `${NOT_NEGATED}\\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend) (?:is|was|has been|gets|got|can be) (?:so |very |really )?(?:violent|physical with me)\\b`,
  ]),
  { level: 'danger', category: 'abuse', kind: 'physical', pattern: readsAsBlowToMe },
  ...rules('danger', 'abuse', 'physical', [
    '\\b(?:gave|gives|give|giving) me (?:a |another |such a |one )?(?:\\w+ )?(?:slap|punch|kick|black eye|beating|smack|whack|hiding|thrashing|backhander|bruise|bloody nose|fat lip|split lip|concussion|shove|headbutt|clip round the ear)\\b',
    `${NOT_NEGATED}\\b(?:laid|lays|put|puts|putting|lay|laying|keeps putting) (?:a )?(?:finger|hand|hands) on me\\b`,
    '\\bhead ?but(?:ed|s|ing)? me\\b',
    '\\b(?:hand|hands|pillow|arm|arms) (?:over|on|around|against) my (?:mouth|face|nose|neck|throat)\\b|\\bso i (?:could not|can not|couldnt) (?:breathe|scream|move|get away|call|run)\\b',
    `${NOT_NEGATED}\\b(?:shook|shakes|shaking|shake) me (?:really |so |very )?(?:hard|violently|until|till|so hard)\\b`,
    '\\bblack and blue\\b|\\b(?:marks|bruises|welts|scratches|cuts) (?:all over|on my (?:\\w+ )?(?:arms?|neck|face|body|legs?|back|wrists?))\\b',
  ]),
  ...rules('danger', 'abuse', 'object', [
    `\\b${THROWS} (?:\\w+ ){0,4}(?:at|on|over|in) (?:me|my (?:\\w+ )?${BODY})\\b(?<!\\b(?:threw|throws|throw|throwing) (?:it|that|this|the (?:blame|idea|question|affair|past)) (?:at|on|in) (?:me|my face))`,
    `\\b(?:smashed|smashes|broke|breaks|cracked|cracks|hit|hits|slammed|slams) (?:a|the|his|her|their|my) \\w+ (?:over|on|against|into|across) my (?:\\w+ )?${BODY}\\b`,
    `\\b${THROWS} (?:\\w+ ){0,3}(?:against|into|across) (?:the )?(?:wall|floor|room)\\b(?<!threw (?:a |the )?(?:ball|party|fit) \\w*)`,
    `\\b(?:came|comes|coming|went|goes|lunged|lunges|charged|charges|ran|runs) (?:at|after|for) me\\b(?! (?:about|for (?:money|the|child support))\\b)(?=.*\\b(?:with|knife|gun|fists?|hammer|bat|weapon|swinging|screaming|threatening)\\b|(?! for\\b))(?! with (?:questions|accusations|criticism|complaints)\\b)`,
    `\\b(?:held|holds|holding|put|puts|pointed|points|pointing|pulled|pulls|waved|waves|waving|aimed|aims|aiming) (?:a|his|her|their|the) ${WEAPON} (?:to|at|on|in|against) (?:me|my|us)\\b`,
    `\\b${WEAPON} (?:to|at|against) (?:me|my (?:head|throat|neck|face|chest|back|temple))\\b`,
    `\\b${PERSON} ${gap(3)}(?:has|have|got|bought|owns|pulled|waved|pointed|keeps|grabbed|took out|brought) (?:out )?(?:a |his |her |the |their )?(?:gun|knife|weapon|pistol|rifle|machete)\\b(?! (?:safe|show|license|permit|club|range)\\b)`,
    `\\b(?:hit|hits|hitting|beat|beats|smacked|whipped|attacked) me with (?:a |an |the |his |her |their |my )?(?:\\w+ )?(?:belt|bat|bottle|glass|plate|pan|frying pan|chair|phone|shoe|stick|hammer|knife|lamp|remote|cord|cable|fist|fists|book|mug|cup|hanger|pot|board|pipe|rock|brick|bag|keys|gun)\\b`,
    '\\b(?:punched|punches|kicked|kicks|smashed|smashes|broke|breaks|threw|throws) (?:a |the )?(?:wall|door|window|hole in)\\b(?! (?:in (?:the )?(?:gym|game)|down\\b))|\\b(?:broke|smashed|breaks|smashes|destroyed) my (?:phone|things|stuff|laptop|belongings)\\b',
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      // Not a child or a friend quoted teasing: "my daughter said mom you're gonna kill me".
      `\\b${PARTNER}(?<!\\b(?:daughter|son|kid|kids|teen|teenager|friend|coworker|sister|brother|niece|nephew) (?:said|says|goes|went|yelled|texted|told me|joked)\\b.*) ${gap(4)}${MODAL} ${gap(3)}${HARM} (?:me|us|${CLOSE})\\b(?! (?:for|with (?:kindness|love))\\b)`,
      `\\b${PERSON} ${gap(4)}${MODAL} ${gap(2)}(?:break|snap) my (?:neck|legs?|arms?|jaw|face|bones|fingers)\\b`,
      `\\b${PERSON} ${gap(4)}${MODAL} ${gap(2)}(?:make me disappear|put me in (?:the|a) (?:hospital|grave|ground|wheelchair|coffin|body bag)|hunt me down|find me and|end me|finish me|do something to me|have me killed|get me killed|have (?:someone|somebody) (?:kill|hurt) me|get rid of me|slit my throat|cut my throat|blow my (?:head|brains) off|bash my (?:head|face) in|kick my (?:ass|head in))`,
      '\\b(?:knows|know) where (?:my|your) (?:mom|mother|dad|family|parents|sister|brother|kids|children|friends?) (?:lives|live|work|works|go to school|goes to school|is|are)\\b',
      '\\b(?:leave|get out of|make it out of|walk out of) (?:this|the|here|that) (?:\\w+ )?alive\\b|\\b(?:find|hide|bury|dump|found) (?:my|your) body\\b|\\btold me (?:i|you) (?:was|were|am|are|would be) dead\\b',
      `\\b(?:i|you) (?:will not|would not|wont) (?:live|survive|make it) (?:to see|through|past|if)\\b|\\b(?:i am|you are|i would be|you would be) dead if\\b|\\bif i (?:leave|left|go|tell|told|call|report|try)\\b(?: \\w+){0,3} (?:i am|i would be|i will be|i wil be|you are) dead\\b`,
      `\\b(?:i|you) (?:would|will) (?:end up|wind up|be) (?:dead|in a (?:ditch|box|grave|body bag|hospital))\\b|\\bend up (?:dead|in a (?:ditch|box|grave|body bag))\\b`,
      `${NOT_NEGATED}(?<!\\b(?:boss|landlord|manager|teacher|coach|company|bank|school|neighbor|neighbour|lawyer)(?: \\w+)? )\\bthreat(?:en|ens|ened|ening)\\b (?:me|us|my|our|the kids|the children|${KIDS}|to (?!${HARMLESS_THREAT}\\b))(?! (?:with (?:divorce|leaving|a lawyer|a divorce))\\b)`,
      `${NOT_NEGATED}\\b(?:is|was|being|gets|got|so|very|more|keeps|kept) threatening\\b(?! (?:to ${HARMLESS_THREAT}|divorce)\\b)`,
      `${NOT_NEGATED}\\b(?:feel|felt|feeling) threatened\\b(?! by (?:her|his) (?:success|friends|ex|job|career)\\b)`,
      '\\b(?:showed|shows|showing|flashed|flashes|flashing|pulled out|took out) (?:me )?(?:his|her|a|the|their) (?:gun|knife|pistol|rifle|weapon|machete)\\b',
      '\\bkill yourself\\b|\\b(?:told|tells|telling) me to (?:kill myself|die|go die)\\b',
      '\\b(?:death|violent) threats?\\b|\\bmakes? threats\\b|\\bmade threats\\b',
      `\\b(?:if i (?:leave|left|go|tell|told|call|called)|if (?:he|she) (?:finds out|found out|sees|saw|knew|knows))\\b (?:\\w+ ){0,6}${PERSON} (?:will|would|is going to|going to|could) ${any('kill', 'hurt', 'murder', 'end')} me\\b`,
      `\\b(?:said|says|told me|swore|swears|promised) (?:that )?(?:next time )?(?:he|she|they) (?:would|will|is going to|was going to) (?:kill|hurt|murder|shoot|end) me\\b`,
    ],
    { hyperbole: true },
  ),
  // Held in: kept from leaving, locked in or out. Danger, where control alone is a concern (below).
  ...rules('danger', 'abuse', 'held-in', [
    '\\b(?:will not|would not|does not|did not|do not|never|is not going to|refuses to|refused to) (?:let|lets|allow|allows|allowed) me (?:to )?(?:leave|go (?:nowhere|no where|out|anywhere|outside|home)|out)\\b(?! with\\b)(?! (?:of (?:his|her) sight|alone with)\\b)',
    '\\b(?:i am|am|i was|was) not (?:allowed|permitted) to (?:leave|go (?:out|anywhere|outside))\\b(?! with\\b)',
    '\\b(?:locks|locked|locking|lock) me (?:in|out|inside|up)\\b(?! of (?:the )?(?:account|app|computer)\\b)',
    '\\b(?:says|said|told me|tells me|swears|swore) (?:that )?i (?:am|m) not (?:leaving|going anywhere|going out|allowed (?:out|to leave))\\b|\\b(?:says|said|told me) i (?:can not|cant) leave (?:the house|this house|home)\\b',
    '\\b(?:took|takes|hid|hides|hidden|taken) (?:\\w+ ){0,5}(?:keys|car|phone|shoes|wallet)\\b(?: \\w+){0,4} so (?:that )?i (?:can not|cant|could not|couldnt) (?:leave|go anywhere|get out|go out)\\b',
  ]),
  // Controlling behaviour with no threat, violence, holding in or fear now is a concern (the writers' brief
  // and the product agree): a threat or a blow in the same message is danger by its own rule.
  ...rules('concern', 'abuse', 'coercive-control', [
    '\\b(?:will not|would not|does not|did not|do not|never|is not going to|refuses to|refused to) (?:let|lets|allow|allows|allowed) me (?:to )?(?:leave|go (?:nowhere|no where|out|anywhere|outside|to work|to see|home|to school|to the doctor)|out|see (?:my|anyone|friends|family|a doctor)|call|talk to (?:my|anyone|friends|family)|have (?:my own|any|money|a phone|friends|a job|access|a key|keys)|work|drive|get a job|use (?:my|the) (?:phone|car)|text (?:my|anyone))\\b',
    '\\b(?:i am|am|i was|was) not (?:allowed|permitted) to (?:leave|go (?:out|anywhere|outside)|see|talk to|call|have|work|drive|use|text|spend|wear)\\b',
    '\\b(?:locks|locked|locking|lock) me (?:in|out|inside|up)\\b(?! of (?:the )?(?:account|app|computer)\\b)',
    `(?<!\\bi (?:\\w+ )?)\\b(?:took|takes|taking|take|keeps|kept|hides|hid|stole|steals|confiscated|confiscates|smashed|broke) (?:away )?(?:all )?(?:of )?my (?:car )?(?:keys|passport|id|documents|papers|phone|cards?|bank cards?|credit cards?|debit cards?|paycheck|paychecks|money|wallet|purse|car|sim card|medication|meds)\\b(?! (?:charger|case|screen|cable|number|bill|plan|side|seat|spot)\\b)(?! (?:by mistake|to (?:check|fix|look)|for (?:repair|the day)|in (?:our|the|a|his|her) (?:joint )?(?:account|bank|savings|safe))\\b)`,
    '\\bcontrols? (?:all )?(?:of )?(?:my|the|our) (?:money|finances|bank|accounts?|phone|car|paycheck)\\b|\\bcontrols (?:everything|where i go|who i see|who i talk to|what i (?:wear|eat|do|spend))\\b|\\bcontrolling (?:all )?(?:my|the) (?:money|finances)\\b',
    '\\b(?:makes|made|forces|forced) me (?:hand over|give (?:him|her|them)|turn over|sign over) (?:all )?(?:of )?(?:my )?(?:paycheck|paychecks|money|salary|wages|pay|cards|keys|phone|passport|savings)\\b',
    '\\b(?:gives|give|gave) me an allowance\\b|\\bhave to ask (?:him|her|them) (?:for (?:money|permission)|permission|before i (?:go|leave|see|spend))\\b|\\bask (?:his|her) permission to\\b',
    '\\bhave to ask (?:him|her|them|permission) (?:before|if|whether) i (?:can )?(?:go|leave|see|spend|buy|call|text|do)\\b|\\baccount for every (?:penny|dollar|cent|minute|hour)\\b|\\b(?:have|had) to (?:ask|beg) (?:for )?(?:permission|money) (?:to|for|before)\\b',
    '\\b(?:will not|would not|does not|wont|refuses to) give me (?:access to|any|my own) (?:\\w+ )?(?:money|account|bank|card|cards|car|keys|phone|passport)\\b|\\bwithout (?:his|her|their) permission\\b',
    '\\b(?:isolates|isolated|isolating) me\\b|\\bcut me off from (?:my )?(?:family|friends|everyone|my)\\b',
    '\\b(?:tells|told|decides|decided|chooses|controls) (?:me )?(?:who i (?:can )?(?:see|talk to|text|call|hang out with)|where i (?:can )?go|what i (?:can )?(?:wear|eat|spend))\\b',
  ]),
  ...rules(
    'concern',
    'abuse',
    'surveillance',
    [
      `\\b${PERSON} ${gap(3)}(?:reads|reading|checks|checking|goes through|going through|searches|monitors|monitored|monitoring|tracks|tracked|tracking|watches|spies on|spied on|spying on|logs into|logged into|hacked|hacks|hacked into|listens to|records|recorded|recording|screenshots|looks through|(?:always|keeps|still|constantly|secretly) (?:read|reads|check|checks|checked|went through|goes through|go through)|(?:read|checked|went through|searched|looked through) (?:all|every|each|everything on)) (?:all |every |each |everything on )?(?:of )?my (?:\\w+ )?(?:texts|messages|phone|email|emails|mail|dms|chats|whatsapp|whatsapps|icloud|calls|location|car|computer|laptop|browser|browsing|accounts?|social media|facebook|instagram|search history|history|bank (?:account|statements)|journal|diary)\\b(?! (?:with me|together|for me)\\b)`,
      `\\b(?:put|puts|putting|placed|hid|installed|installs|installing|planted) (?:a |an |some |something |spyware |a hidden )?(?:tracker|tracking device|tracking app|gps|gps tracker|airtag|air tag|spyware|spy app|app|camera|cameras|recorder|something) (?:\\w+ )?(?:on|in|under) my (?:car|phone|bag|purse|laptop|computer|room|jacket)\\b`,
      `\\b${PERSON} ${gap(2)}(?:has|have|got|took|demands|demanded|makes me give (?:him|her)) (?:all )?my (?:passwords?|pin|pins|login|logins)\\b(?! (?:because|since|so) i)`,
      `\\b${PERSON} ${gap(3)}(?:reads|checks|sees|monitors|watches|tracks) (?:everything|every move|my every move|every text|every message|every call)\\b`,
      // Once, told as news: "he went through my phone again and yelled at me" (a participant walkthrough).
      `\\b${PERSON} ${gap(3)}(?:went through|looked through|snooped (?:through|on|in)|searched|read|checked|hacked into|broke into|got into|unlocked) my (?:\\w+ )?(?:texts|messages|phone|email|emails|dms|chats|whatsapp|whatsapps|location|accounts?)\\b(?! (?:with me|together|for me|because i (?:asked|offered|gave)|like we agreed|as we agreed)\\b)`,
      '\\b(?:keeps|kept|started|always) (?:showing|turning) up (?:at|where) (?:my|the) (?:work|job|office|school|gym|house|apartment)\\b|\\bshows up (?:at|where) (?:my|wherever)\\b',
      `\\b${PERSON} ${gap(2)}(?:has|have|had|got|put|keeps) (?:a |an )?(?:tracker|tracking app|spyware|gps|airtag|air tag|spy app|location tracker) (?:on|in) my\\b`,
      '\\b(?:logs|logged|logging|gets|got|hacks|hacked) into my (?:icloud|google|apple id|account|accounts|email|phone|find my)\\b|\\bto see where i am\\b',
      '\\bfound (?:a |an |some )?(?:tracker|tracking device|gps|gps tracker|airtag|air tag|spyware|spy app|hidden camera|camera|recorder|microphone) (?:\\w+ )?(?:in|on|under|inside) my\\b',
      '\\b(?:cameras?|spyware|stalkerware|tracker|airtag|recorder|microphone) (?:\\w+ ){0,2}(?:he|she|they) (?:put|installed|hid|placed|planted)\\b|\\b(?:watches|watching|records|recording) me (?:on|through|with) (?:cameras?|the camera|an app|his phone|her phone)\\b|\\b(?:spyware|stalkerware)\\b',
      '\\bso (?:that )?(?:he|she|they) (?:can|could) (?:see|read|track|watch|monitor|check|follow|listen to) (?:my|where i|everything|who i)\\b',
      '\\bto (?:watch|spy on|monitor|record|track|listen to|keep an eye on) me\\b(?! (?:cook|play|dance|sing|work out|perform)\\b)',
      '\\b(?:to )?(?:spy|spying|spies|spied) on me\\b|\\bstalk(?:s|ed|ing)? me\\b|\\bstalking\\b|\\bstalker\\b',
      `\\b${PERSON} ${gap(3)}(?:follows|followed|following|follow|tails|tailed|tailing) me (?:to (?:work|my (?:job|work|office|friends|moms|mom|sisters|car|school))|everywhere|around|home|wherever|when i (?:go|leave|go out)|in (?:his|her|the|a|their) car|all day|all the time)\\b`,
      '\\b(?:knows|knew|always knows|tracks|checks|checking|tracking|watching|watches|looks up|looking up) where i am\\b(?! going\\b)|\\bshows? up (?:at|where) (?:my (?:work|job|office|school|friends)|wherever i)\\b',
      '\\b(?:tracks|tracking|tracked) (?:me|my (?:location|phone|car|every move))\\b',
      '\\b(?:makes|made) me (?:share|send|give) (?:my )?(?:location|passwords?|pin)\\b',
    ],
    { unlessConsent: true, unlessLaugh: true },
  ),
  ...rules('danger', 'abuse', 'children-threat', [
    `\\b(?:take|took|taking|takes|keep|keeps|kidnap|kidnapping|steal|hide|run off with|run away with|disappear with) ${KIDS} (?:away|from me|and (?:disappear|run|leave|hide|vanish|never|i will never|i would never|you will never|i never)|out of the (?:country|state)|to (?:his|her|another) (?:country|state)|abroad)\\b`,
    `\\b(?:never|not) (?:\\w+ ){0,2}see (?:them|${KIDS}|my \\w+) (?:again|anymore)\\b`,
    `\\b(?:will|would|wil) never (?:\\w+ )?see ${KIDS}\\b`,
    '\\b(?:lose|losing|lost) (?:custody|the kids|my kids|my children)\\b.*\\bnever (?:\\w+ )?see\\b',
  ]),
  ...rules('danger', 'abuse', 'sexual-coercion', [
    '\\b(?:forces|forced|forcing|makes|made|making|pressures|pressured|pressuring|coerces|coerced|guilts|guilted) me (?:\\w+ ){0,2}(?:(?:to )?do sexual (?:things|stuff|acts)|to have sex|into sex|to sleep with|into sleeping with|have sex|sleep with (?:him|her)|do (?:sexual )?(?:things|stuff) (?:in bed|i do not want|sexually))\\b',
    `${NOT_NEGATED}\\b(?:will not|would not|does not|did not|never|wont) stop (?:when|even when|after|even after|if) i (?:say|said|tell|told|beg|begged|ask|asked|cry|cried) (?:him |her )?(?:no|to stop|stop)\\b`,
    '\\btook advantage of me (?:when|while) i (?:was|am) (?:asleep|drunk|sleeping|passed out|unconscious|high|out of it)\\b',
    '\\b(?:said|say|told (?:him|her)|tell (?:him|her)) no\\b (?:\\w+ ){0,5}(?:did it anyway|does it anyway|kept going|keeps going|did not stop|does not stop|would not stop|will not stop|forced|went ahead)\\b',
    '\\bforc(?:ed|es|ing) (?:himself|herself) on me\\b|\\b(?:raped|rapes|raping) me\\b|\\b(?:i was|was|been|got) (?:raped|sexually assaulted|molested)\\b|\\bsexual(?:ly)? (?:assault|assaulted|abuse|abused|abusing|coercion|coerced)\\b',
    '\\b(?:will not|would not|does not|never) take no for an answer (?:in bed|about sex|when it comes to sex)\\b',
    '\\b(?:sex|touches me|touched me|touching me) (?:\\w+ ){0,4}(?:when|even when|even though|after|although|while) i (?:say|said|tell|told|beg|begged|ask|asked) (?:him |her |them )?(?:no|to stop|not to|stop)\\b|\\b(?:touches|touched|touching) me without (?:my )?(?:consent|permission|asking)\\b',
    '\\b(?:post|share|send|leak|show|publish|upload) (?:my |our )?(?:nudes|naked (?:pictures|photos|pics)|intimate (?:pictures|photos|videos)|sex tape|private (?:pictures|photos|videos|pics))\\b',
  ]),
  ...rules('danger', 'abuse', 'fear-now', [
    '\\b(?:hiding|hidden|hid|hide|locked myself|am locked|lock myself) (?:in|inside|from|under) (?:the |my |a |our )?(?:bathroom|closet|bedroom|room|car|basement|garage|him|her|them|bed|kids room|laundry room|attic|shed)\\b(?! (?:\\w+ )?(?:to (?:text|call|cry|get|have|read|think|breathe|relax|be alone|escape the kids|eat|watch)|for (?:a|some|five|5|ten|10) (?:minutes?|moment|break|peace|quiet)|from the kids)\\b)(?<!\\bfrom (?:the )?(?:kids|children|baby|in laws))',
    '\\b(?:banging|pounding|kicking|hitting|punching|breaking) (?:on )?(?:the |my )?(?:\\w+ )?(?:door|window|doors)\\b(?! (?:open )?(?:lol|haha)\\b)|\\b(?:kicking|breaking|kicked|broke|busting|busted) (?:the|my|our) door (?:in|down)\\b',
    '\\b(?:outside|here|at the door|downstairs|in the house|in the yard|coming) with (?:a|his|her|the) (?:bat|gun|knife|weapon|machete|hammer|axe|rifle|pistol|crowbar)\\b',
    '\\b(?:kicking|breaking|busting|knocking|kicked|broke) down (?:the|my|our) (?:\\w+ )?door\\b',
    '\\b(?:trying to|going to|about to) (?:break|kick|bust|knock) (?:down )?(?:the|my|our) door(?: down| in)?\\b|\\btrying to (?:get|break) in\\b|\\b(?:is|he is|she is) outside (?:my|the) (?:door|house|window|apartment)\\b',
    '\\b(?:breaking|smashing|throwing|destroying) (?:things|stuff|everything|plates|dishes)\\b',
    '\\b(?:scared|afraid|terrified|frightened|nervous|do not want|can not|too scared) (?:to go|of going|going|go) (?:back )?home\\b',
    // Afraid to be (or stay) in one's own home, in any tense: "i was scared to be at home".
    `${NOT_NEGATED}\\b(?:scared|afraid|terrified|frightened) (?:to (?:be|stay|sleep)|of (?:being|staying|sleeping)|being) (?:at home|home alone with|in (?:the|my|our) (?:own )?(?:house|home|apartment))\\b`,
    `${NOT_NEGATED}\\b(?:not|never|do not feel|did not feel|no longer feel) (?:feel )?safe (?:at home|in my home|in my house|in the house|in my own home|in my own house|to go home|going home)\\b`,
    '\\bunsafe (?:at home|in my home|in my house)\\b',
    `${AFRAID_FOR_MY} (?:life|safety|kids|children|baby)\\b`,
    '\\b(?:i am|we are|i feel|i might be|i could be|kids are|children are|baby is|my life is) in danger\\b|\\bin danger (?:here|at home|right now|now|tonight)\\b',
    '\\b(?:called|had to call|have to call|going to call|should i call|will call|calling) (?:the )?(?:police|cops|911)\\b(?! (?:about|for|on) (?:a |the |our |my )?(?:noise|neighbors?|neighbours?|party|car|accident|kids|dog)\\b)',
    // Fear, and someone coming or raging now.
    `\\b(?:scared|terrified|afraid|frightened|panicking|shaking|hiding)\\b.*\\b(?:on (?:his|her|their) way|coming (?:home|back|over|here|for me)|is back|is here|outside|furious|raging|drunk|high|screaming|yelling|looking for me|has a (?:gun|knife)|breaking)\\b`,
    `\\b(?:on (?:his|her|their) way|coming (?:home|back|over|here|for me)|is back|is here|furious|raging|drunk|high|screaming|yelling|looking for me|has a (?:gun|knife)|breaking (?:things|stuff))\\b.*\\b(?:scared|terrified|afraid|frightened|panicking|shaking|hiding)\\b`,
  ]),
];

const HARM_TO_OTHERS: SafetyRule[] = [
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      `\\bi ${gap(4)}(?:want to|going to|will|am going to|might|could|feel like i (?:will|might|could)|swear i will|am about to|am scared i will|am afraid i will|think i will|need to|wanted to|had to stop myself from|almost|nearly) (?:really |honestly |seriously |actually |easily )?(?:kill|murder|hurt|harm|hit|beat|beat up|strangle|choke|shoot|stab|burn|attack|punch|slap|slash|cut|run over|poison|drown|smother) (?:him|her|them|${CLOSE}|someone|somebody|people|anyone|the (?:guy|man|woman|other (?:man|woman|guy))|that (?:guy|man|woman|bitch|bastard|asshole)|his|him and|her and)\\b(?! (?:for (?!what (?:he|she|they) did)|with|feelings)\\b)`,
      '\\bbeat the (?:crap|shit|hell|living daylights|life) out of (?:him|her|them|that \\w+|the \\w+|his \\w+|her \\w+)\\b',
      // Fear of one's own hand (a participant walkthrough, 2026-12-07): "I'm scared of what I might do to her".
      `\\b(?:scared|afraid|terrified|frightened) (?:of )?what i (?:might|could|will|would|am going to|may) do to (?:him|her|them|${CLOSE})\\b`,
      `\\bi (?:am |keep |have been |been )?(?:thinking|think|thought|fantasizing|dreaming) (?:about|of) (?:killing|hurting|murdering|stabbing|shooting|strangling|poisoning) (?:him|her|them|${CLOSE}|someone|somebody)\\b`,
      `\\bi (?:bought|got|have|took|grabbed|loaded) (?:a |my |the |his )?(?:gun|knife|rifle|pistol)\\b.*\\b(?:where (?:he|she|they) (?:lives|live|works|work)|for (?:him|her|them)|to (?:kill|shoot|hurt|find))\\b`,
      '\\b(?:make|made) (?:him|her|them) pay\\b.*\\b(?:kill|burn|hurt|gun|knife)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'harm-to-others', 'past-act', [
    `\\bi ${gap(3)}(?:hit|punched|slapped|kicked|choked|strangled|shoved|pushed|beat|attacked|smacked|hurt|stabbed|shot) (?:him|her|them|${CLOSE})\\b(?! (?:up|with|back on|at|where it hurts|to|into (?:therapy|counseling|it|this)|away|emotionally|so much|with the|feelings|a text|a message)\\b)(?<!\\bi (?:\\w+ ){0,3}hurt (?:him|her|them|${CLOSE}))`,
    '\\bi (?:\\w+ ){0,3}(?:hurt|injured) (?:him|her|them|my \\w+) (?:physically|badly|with (?:a|my) (?:fist|hands|knife|bat))\\b',
  ]),
];

/** A question about the program or the app, not a call for help: "please help, the link is broken". */
export const ABOUT_THE_APP =
  '\\b(?:link|links|app|homework|page|site|website|password|login|log in|account|schedule|reschedule|exercise|exercises|check in|checkin|code|settings|button|form|survey|unsubscribe|session|appointment|day \\d+|step \\d+|lesson|module|email|emails|video|audio|program|question|questions|time zone|timezone|lol|lmao|haha\\w*|jaja\\w*|jeje\\w*|pagina|aplicacion|enlace|contrasena|tarea|sesion|correo|correos|boton|formulario|dia \\d+|paso \\d+|pasos anteriores|codigo|spam)\\b';

/**
 * A request for the person's own things from the program ("send me all my answers please", "mándenme mi
 * informe"): the model alone once read "please send me…" as a plea (a participant walkthrough); the rules
 * still answer a real one in the same message.
 */
export const PROGRAM_REQUEST =
  '\\b(?:send|resend|email|e mail|text|give|show|forward|mail|manda|mandas|mandan|mandame|mandenme|mandar|envia|envias|envian|enviame|envienme|enviar|reenvia|reenvias|reenviame|reenvien|pasame|pasenme|pasas)\\b(?: \\w+){0,3} (?:my|mi|mis|el|los) (?:\\w+ )?(?:answers|answer|responses|report|results|data|notes|scores|check ins|checkins|respuestas|respuesta|informe|reporte|datos|resultados|notas)\\b' +
  // "please send me everything I wrote", "bórrame todo lo que escribí".
  '|\\b(?:send|resend|email|give|show|forward|mail|download|delete|erase|remove|manda\\w*|envia\\w*|pasame|borr\\w*|elimina\\w*|descarga\\w*)\\b(?: \\w+){0,3} (?:everything|all|todo|todas|todos) (?:(?:that|lo que|que) )?(?:i |yo )?(?:wrote|have written|ve written|said|sent|answered|escribi|he escrito|mande|respondi|conteste)\\b' +
  // "delete all my data please", "borren mis datos".
  '|\\b(?:delete|erase|remove|download|borr\\w*|elimina\\w*|descarga\\w*)\\b(?: \\w+){0,3} (?:my|mi|mis|all my|todos mis|todas mis) (?:\\w+ )?(?:data|answers|notes|messages|account|information|info|datos|respuestas|notas|mensajes|cuenta|informacion)\\b';

const CALL_FOR_HELP: SafetyRule[] = rules(
  'danger',
  'call-for-help',
  'call-for-help',
  [
    '(?<!\\b(?:can|could|would|will) (?:you|u) )\\bhelp me\\b(?! (?:to |with |understand|figure|find|get|remember|see|know|think|decide|learn|make|feel|be |rebuild|fix|change|trust|improve|through|out|reschedule|move|set|sign|log|access|update|cancel|stop|start|pause|resume|choose|pick|write|say|explain|work|talk|plan|deal|cope|heal|forgive|on |a lot|so much|more|if|process|grow|let|open|express|word|answer|respond|reply|prepare|stay|keep|believe|accept|communicate)\\b)',
    '\\bhelp us\\b(?! (?:to |with |understand|figure|find|get|communicate|rebuild|talk|work|heal|reconnect|be |through|out|grow|make|learn|see|trust)\\b)',
    '\\b(?:please|someone|somebody|anyone|anybody|can (?:someone|anyone)) (?:please )?help\\b(?! (?:me |us )?(?:with|to|understand|figure|find|reschedule|change)\\b)(?! (?:me|us) (?:to |with |understand|figure|find|get|remember|change|reschedule|move)\\b)',
    '\\bhelp (?:help )+',
    '^ help (?!(?:with|for|on|me|us|is|was|desk|center|line|page|button|text|message|keyword|info|menu|please with)\\b)\\w+',
    '\\b(?:send|get me|need|call|calling) (?:an ambulance|the police|the cops)\\b(?! (?:report|record|department|station|non emergency|to (?:file|fill|get)|for (?:a|my|the) (?:report|form|insurance|claim))\\b)|\\bsend (?:help|someone|somebody)\\b',
    '(?:^ |\\bplease |\\bsomeone |\\bsomebody )(?:call|text) (?:the )?(?:911|police|cops)\\b',
    '\\b(?:i|we) (?:really )?need help (?:now|right now|asap|please|urgently|immediately|fast|quick|here)\\b|^ (?:i |we )?(?:really )?need help (?:please )?$',
    '\\bmayday\\b|\\bemergency\\b(?! (?:contact|fund|room visit|savings|meeting|kit|plan)\\b)',
    '^ 911\\b|\\b911 (?:please|pls|plz|now|asap|help)\\b|\\b(?:please|pls|plz) 911\\b',
    '\\bget (?:someone|somebody|help|the police|the cops) (?:here|over here)\\b|\\bsend (?:the )?(?:sheriff|deputies|a deputy|a cop|an officer|police|cops)\\b|\\bplease hurry\\b',
  ],
  { unlessAboutApp: true },
);

const CONCERN: SafetyRule[] = [
  ...rules('concern', 'abuse', 'concern', [
    `\\b(?:not|never|do not|did not|no longer|hardly) (?:feel |feeling )?(?:safe|secure)\\b(?! (?:to|from|about|driving|on the road|in (?:the )?(?:snow|rain|car|traffic)|walking alone at night|flying|in (?:our|my|the) (?:finances|job)|financially|talking|sharing|being|opening|telling|saying|enough to|with (?:my|the) (?:feelings|secrets|heart))\\b)(?! (?:\\w+ )?to be honest\\b)`,
    '\\b(?:i|we) (?:am|are|feel|felt|feeling|was|were)(?: so| very| really| pretty)? unsafe\\b(?! (?:talking|to talk|sharing|to share|opening up)\\b)',
    `\\b(?:scared|afraid|terrified|frightened|fearful) of (?:him|her|them|my (?:ex )?${RELATIVE}|${PERSON})\\b(?! (?:\\w+ing|reaction|response|answer|feelings|opinion|judgment|judgement|disappointment)\\b)`,
    '\\b(?:scared|afraid|terrified|frightened) of (?:his|her|their|my \\w+s) (?:temper|anger|rage|violence|fists|outbursts|mood swings)\\b',
    `\\b${PERSON} ${gap(2)}(?:scares|scared|frightens|frightened|terrifies|terrified|intimidates|intimidated) me\\b(?! (?:when (?:he|she) (?:talks about|mentions) (?:leaving|divorce)|by (?:leaving|saying)))`,
    '\\b(?:angry|mad|drunk|drinks|drinking|yells|yelling|rage|temper|explodes)\\b (?:\\w+ ){0,4}(?:i get|i am|makes me|i feel|i got) (?:so |really |very )?(?:scared|afraid|frightened|terrified)\\b',
    `\\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend) ${gap(2)}(?:hurt|hurts|hurting) me\\b(?! (?:so much|deeply|emotionally|with|when|by|more than|again with|a lot|every time|by lying|feelings)\\b)(?!.*\\b(?:lie|lied|lies|lying|cheat|cheated|cheating|affair|betray\\w*|words|feelings|heart|said|texts)\\b)`,
    '\\bwalk(?:ing)? on eggshells\\b',
    '\\b(?:scared|afraid|terrified|frightened) (?:of )?what (?:he|she|they) (?:might|will|could|would|is going to) do\\b|\\bno way out\\b',
    '\\bi am (?:so |really |very |just )?(?:scared|terrified|frightened)(?= $| and (?!excited)| right now| tonight| for my)',
    '\\b(?:gets|is|can be|becomes|got) (?:really |so |very )?(?:scary|frightening|menacing|threatening) when (?:he|she|they) (?:drinks|is drunk|gets drunk|is angry|gets angry|gets mad|is mad|yells|loses)\\b',
  ]),
  ...rules('concern', 'self-harm', 'concern', [
    '\\bcan not (?:do|take|handle|bear|stand|cope with|deal with) (?:this|it|any of this|life)(?: \\w+)? ?any ?more\\b|\\bcan not cope\\b(?! with (?:the|his|her|this) (?:homework|work|kids|schedule|exercise))',
    '\\bwant to end it $|\\bcan not see (?:a|any) future\\b',
    '\\b(?:can not|do not know how (?:much )?longer i can) (?:go on|keep going|do this|take this|take it)\\b(?! (?:a|an|the|vacation|holiday|trips?|dates?|\\w+ing|to|at|with (?:the|my) (?:homework|exercise))\\b)',
    '\\b(?:hate|hating) my life\\b|\\b(?:feel|feeling|am|i am) (?:so )?(?:hopeless|worthless|empty inside)\\b(?! (?:at|with|about) (?:cooking|math|this app|sports|dancing|directions|tech|computers)\\b)|\\bgiving up on (?:everything|life)\\b|\\bgive up on (?:everything|life)\\b',
    '\\bi am not (?:ok|okay)\\b(?! (?:with|about|that|if)\\b)|\\bi am falling apart\\b|\\b(?:tired|sick) of being here\\b',
    '\\b(?:can|could) (?:not )?(?:keep|go on) (?:living|going) (?:like this|this way)\\b|\\b(?:do not|not) want to (?:live|go on) (?:like this|this way)\\b|\\bwant (?:the pain|it all|everything|this) to (?:end|stop)\\b',
    '^ what is (?:even )?the point $',
    '\\bdisappear for a (?:while|bit|little)\\b',
    '\\b(?:do not|not) want to be here\\b',
  ]),
];

/**
 * Constructions the first rules missed on messages another writer wrote (round 1), written as
 * constructions rather than phrases: any tense, any subject, a weapon in any hand.
 */
const WEAPONS =
  '(?:gun|guns|knife|knives|bat|baseball bat|machete|hammer|axe|rifle|pistol|weapon|crowbar|shotgun|blade|box cutter)';
/** Someone arriving, here, or after me now. */
const HERE_NOW =
  '(?:on (?:his|her|their) way|coming (?:home|back|over|here|for me|after me)|is back|is here|(?:is |are )?(?:outside|downstairs|in the driveway|at the door|at my door|out front|in the yard|parked outside)|pulling up|pulled up|looking for me|after me)';
const SCARED = '(?:scared|terrified|afraid|frightened|panicking|shaking|hiding|freaking out)';
const ROUND_2_EN: SafetyRule[] = [
  ...rules('danger', 'self-harm', 'direct', [
    '\\b(?:can not|could not|cant) (?:promise|guarantee|say|be sure) (?:\\w+ ){0,3}(?:will not|wont|not going to|not gonna|not to|would not) (?:hurt|harm|cut|kill|do something to|burn) myself\\b',
  ]),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\b(?:wish|wishing|wished|hope|hoping|pray|praying) (?:that )?i (?:would |could |will |might )?(?:get (?:in|into) (?:a|an) (?:car )?(?:accident|crash|wreck)|get hit by (?:a|an|the) (?:car|bus|truck|train)|just die|die|not wake up|never wake up|would not wake up|was dead|were dead|get cancer)\\b(?! (?:of|from|laughing|on (?:this|that) hill)\\b)',
    '\\bcan not (?:do|take|handle|bear|stand|face) (?:life|living|being alive|existing|another day)(?: \\w+)? ?(?:any ?more|like this)?\\b(?! (?:without|with)\\b)',
    '\\b(?:better off|happier|better) without (?:a|an|someone|somebody) (?:\\w+ )?like me\\b|\\b(?:leave|leaving|gone from|out of) this world\\b(?! (?:behind|of)\\b)',
    '\\b(?:do not|dont) (?:think|know if|know whether) i (?:can|could|will be able to) (?:keep|go on) (?:living|going on|being alive|existing)\\b',
    '\\b(?:disappear|disappearing|disappeared|vanish|vanishing|gone|go away|sleep|sleeping|rest|stop being (?:a|the) (?:\\w+ )?(?:problem|burden)|stop existing)\\b(?: \\w+){0,4} (?:for good|forever|permanently|for ever)\\b(?! (?:from (?:his|her|their|my) (?:life|phone|social)|from social media|from instagram|from facebook)\\b)',
    '\\bno way out (?:for me|but|except|other than|left)\\b|\\b(?:got|have|had) it all planned(?: out)? for (?:tonight|tomorrow|this weekend)\\b(?! (?:date|dinner|party|with)\\b)',
    '\\b(?:do not|dont|can not) see myself (?:being here|being alive|around|living|making it|still here) (?:much longer|for long|long|next year|by next|a year from now)\\b|\\b(?:will not|wont) be (?:here|around|alive) (?:much longer|for long|by (?:next|the end))\\b',
    '\\bnobody (?:needs to|has to|will (?:have to|need to)|should) worry about me (?:anymore|any more|after (?:this|tonight|today)|again|soon)\\b',
  ]),
  ...rules('danger', 'self-harm', 'plan', [
    `\\b(?:i am|i will|going to|gonna|i will be|tonight|today) (?:\\w+ )?(?:ending|end) (?:it|it all|everything|things|my life)\\b(?! (?:with|between|for (?:good )?with)\\b)(?=.*\\b(?:tonight|today|tomorrow|this weekend|made up my mind|decided|for good|ready|no more|goodbye|bye)\\b)`,
    '\\bknow (?:exactly )?(?:how|when|where)(?: (?:and|or) (?:how|when|where))? (?:i would|i will|i am going to|i should|to|i want to|i plan to) (?:do it|end it|go)\\b(?!.*\\b(?:tell|talk|ask|confess|apologi\\w*|propose|surprise|say|homework|exercise)\\b)',
    '\\b(?:have|got|bought|gathered) everything i need\\b(?! (?:for|to (?:make|cook|start|finish|pack|fix|build))\\b)(?=.*\\b(?:tonight|this weekend|tomorrow|happening|ready|end it|do it|goodbye)\\b)|\\b(?:it is|its) happening (?:tonight|this weekend|tomorrow|today)\\b(?=.*\\b(?:everything i need|ready|goodbye|sorry)\\b)',
    '\\b(?:picked|chose|chosen|found|scoped out) (?:out )?(?:the|a) (?:bridge|building|rope|tree|ledge|overpass|cliff)\\b(?! (?:for|to|where|near|at|in|by|with)\\b)',
    '\\b(?:wrote|written|writing|left) (?:\\w+ ){0,2}(?:letters|notes)\\b(?! (?:to|for) (?:my|her|him|the) (?:wife|husband|partner|therapist|counsel\\w*|boss|teacher)\\b)(?=.*\\b(?:picked a time|set a time|picked the time|picked a date|tonight|goodbye|when i am gone|bye)\\b)',
    '\\b(?:picked|chose|chosen|set|have|got) (?:a|the|my) (?:date|day)(?: picked| chosen| set)?(?: out)?\\b(?! (?:for|to go|night|with|nights?|ideas?)\\b)(?!.*\\b(?:wedding|renewal|party|trip|vacation|dinner|court|hearing|session|appointment|counsel\\w*|therapy|therapist|mediation|move|moving|anniversary|birthday|date night|surgery|interview|closing)\\b)',
    '\\b(?:decided|made up my mind|my mind is made up|ready)\\b(?: \\w+){0,6} (?:do it|doing it|end it|go through with it|ending it)\\b(?! (?:with|between)\\b)(?!.*\\b(?:tell|talk|confess|ask|call|leave|divorce|move|separate|apologi\\w+|counsel\\w*|therapy|therapist|homework|exercise)\\b)',
    '\\b(?:wrote|written|writing|made|have|got) (?:down |out |up )?(?:the|a|my) (?:plan|note)\\b(?: \\w+){0,2} (?:mon|tues|wednes|thurs|fri|satur|sun)day $',
  ]),
  ...rules('danger', 'self-harm', 'means', [
    '\\b(?:swallow|swallowing|swallowed|take|taking|took|down|downing|downed) (?:everything|all|whatever|all the pills|every pill) (?:that is |i can find )?in (?:the|my|our) (?:medicine cabinet|cabinet|pill box|pillbox|bathroom)\\b',
    '\\b(?:bought|got|have|purchased|ordered|borrowed) (?:a|the|my|his) (?:gun|pistol|rifle|rope|noose|razor blades?)\\b(?: \\w+){0,3} (?:for (?:me|myself)(?= ?$| to\\b)|to use on myself\\b)',
    '\\b(?:wrote|written|finished|left) my (?:final |last |goodbye )?note\\b(?! (?:to|for|about|on|in|of|and (?:she|he|we))\\b)',
    '\\b(?:took|tak\\w+|swallow\\w*|downed|popp\\w+) (?:like |about |around |maybe |over |almost |at least )?(?:[1-9]\\d+|twenty|thirty|forty|fifty|sixty|hundred|a whole (?:bottle|box|pack)|half (?:a|the) (?:bottle|box)|the rest of) (?:of )?(?:my |the |those |his |her )?(?:\\w+ )?(?:pills|meds|tablets|painkillers|antidepressants|sleeping pills|xanax|ambien|tylenol|advil|ibuprofen|benadryl)\\b',
    '\\b(?:have|holding|got|with) (?:the|a|my|his|her) (?:pills|gun|pistol|knife|rope|noose|razor|blade|razor blade|bottle of pills)\\b (?:in my hands?|on my lap)\\b(?!.*\\b(?:doctor|dose|prescri\\w*|pharmac\\w*|vitamin\\w*|refill|cooking|chopping|range|hunting)\\b)',
    '\\b(?:pills|meds|tablets|bottle of \\w+|gun|pistol|knife|rope|noose|razor|blade|blades)\\b(?: \\w+){0,3} (?:in my hands?|next to me|in front of me|beside me|on my lap|right here with me)\\b(?=.*\\b(?:right now|now|tonight|staring|looking|thinking|ready|want|cant|can not)\\b)',
    '\\b(?:i am|im|standing|sitting|sat|stood) (?:\\w+ )?(?:on|at) (?:the|a|this) (?:bridge|ledge|roof|rooftop|edge of the roof|train tracks|tracks|cliff|overpass)\\b(?!.*\\b(?:traffic|driving|commute|stuck|bus|car|train to|on my way|photo\\w*|picture\\w*|view|sunset|walk|hike|date)\\b)',
    '\\b(?:loaded|loading|cleaned and loaded) (?:a|the|my|his|her|our|\\w+s) (?:\\w+ )?(?:gun|pistol|rifle|shotgun|revolver)\\b(?! (?:for (?:the )?(?:range|hunting|deer)|at the range)\\b)',
    '\\bsafe from myself\\b|\\b(?:not|be) safe (?:with|around|alone with) myself\\b|\\b(?:can not|cant|could not) (?:stop|quit) (?:looking at|staring at|thinking about using|holding) (?:the|my|his|her|those|these) (?:pills|gun|rope|razor|blade|blades|knife|bottle)\\b',
    '\\b(?:count\\w*|lined up|lining up|sorted) (?:out |up )?(?:(?:all|every one) (?:of )?(?:my |the )?(?:pills|meds|tablets|sleeping pills|painkillers|medication)|(?:my |the )?(?:pills|meds|tablets|sleeping pills|painkillers|medication)\\b(?=.*\\b(?:enough|all|every one|tonight|how many)\\b))(?!.*\\b(?:organi[sz]er|pill box|pillbox|pharmacy|refill|for the week|doctor|prescription)\\b)',
    '\\b(?:pills|meds|tablets|sleeping pills|painkillers|medication)\\b(?: \\w+){0,6} (?:is |are |its |it is )?(?:enough|plenty|more than enough)\\b(?! (?:for (?:the|a|this) (?:week|month|trip|cold|flu|pain))\\b)',
  ]),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\b(?:i love you all|love you all|love you guys|forgive me|i am so sorry|sorry for everything)\\b.*\\b(?:goodbye|good bye|farewell)\\b|\\b(?:goodbye|good bye|farewell)\\b.*\\b(?:i love you all|love you all|forgive me|sorry for everything)\\b',
    '\\b(?:my|this is my|this will be my|this is the|the) (?:last|final) (?:check in|checkin|message|text|time (?:i|you))\\b(?! (?:for|before|until|of the|about|on|this|next)\\b)(?=.*\\b(?:thank|thanks|bye|goodbye|sorry|trying|love)\\b)',
    '\\b(?:goodbye|bye|farewell)\\b.*\\b(?:will not|wont) be (?:answering|replying|responding|texting|writing|here|around) (?:anymore|any more|again)\\b|\\b(?:will not|wont) be (?:answering|replying|responding|texting|writing) (?:anymore|any more|again)\\b.*\\b(?:goodbye|bye|farewell)\\b',
    '\\b(?:gave|given|giving|give) (?:away )?my (?:dog|cat|dogs|cats|pets?|guns?) (?:away|to)\\b(?=.*\\b(?:worry|after this|goodbye|bye|anymore|gone|take care|forgive|sorry|for good)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\b(?:say|said|saying) (?:goodbye|good bye|bye) before i (?:go|leave|die|do it|am gone)\\b(?! (?:on|to|for|away|out|back|home|in|into|through|off)\\b)',
  ]),
  // "it wasn't anyone's fault lol bye" is no goodbye.
  ...rules(
    'danger',
    'self-harm',
    'goodbye',
    [
      '\\b(?:not|was not|wasnt|is not|isnt) (?:anyones|anybodys|anyone|your|yours|his|her|their|the kids) fault\\b.*\\b(?:bye|goodbye|farewell|i am sorry|forgive me)\\b|\\b(?:bye|goodbye|farewell)\\b.*\\b(?:not|was not|is not) (?:anyones|anybodys|anyone) fault\\b',
    ],
    { unlessLaugh: true },
  ),
  ...rules('danger', 'self-harm', 'past-act', [
    '\\b(?:an|my|the|last|another|suicide|second|third|recent) attempt\\b(?! (?:at|to|on)\\b)(?<!\\b(?:first|another|last|final|good|honest|real) attempt)|\\b(?:hospital|er|psych ward|hospitalized|inpatient)\\b.*\\battempt\\b(?! (?:at|to)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'other-person', [
    `\\b${PERSON} ${gap(2)}(?:tried|attempted|wanted|wants|is going|was going|said (?:he|she) would) to (?:kill|hang|hurt|harm|cut|shoot|poison|drown) (?:himself|herself|themselves)\\b`,
  ]),
  ...rules('danger', 'abuse', 'physical', [
    // Spanglish: a Spanish subject and clitic, an English verb ("mi esposo me hit again").
    '(?<!\\b(?:let\\w*|mak\\w*|made|help\\w*|watch\\w*|saw|see\\w*|ha[ds]|have|wants?|told|tell|ask\\w*)(?: \\w+)? )\\bme (?:hits?|punch\\w*|slap\\w*|kick\\w*|chok\\w*|strangled|beats?|shoved|pushed|stabbed|smacked|threw)\\b(?! (?:up|the|a|an|with the ball|in the (?:game|race))\\b)(?=.*\\b(?:mi|el|ella|esposo|esposa|marido|novio|novia|otra vez|anoche|again|last night|me)\\b)',
    // Someone else hurt by a partner: "he beat her last night", "her husband choked her".
    `\\b(?:he|she|husband|wife|boyfriend|girlfriend|partner|ex)\\b ${gap(2)}(?:beats?|punch\\w+|chok\\w+|strangle[ds]|slap\\w+|kick\\w+|stabbed|hits?|shoved|attacked|assaulted|raped) (?:her|him|them|my (?:sister|brother|mom|mum|mother|dad|friend|daughter|son))\\b(?! (?:at|in|to|up on|with (?:the|a) (?:ball|pillow))\\b)(?=.*\\b(?:last night|again|yesterday|today|tonight|bruise\\w*|scared|afraid|hospital|bleeding|police|too scared|black eye|hurt|badly|up|herself|himself)\\b)`,
  ]),
  ...rules('danger', 'abuse', 'object', [
    `\\b(?:h[oe]ld\\w*|puts?|press\\w+|point\\w+|wav\\w+|swung|swinging) (?:a |the |his |her |their )?(?:\\w+ )?(?:it|${WEAPONS}|bottle|broken bottle|glass|scissors|blade) (?:to|at|against|in) my (?:face|throat|neck|head|chest|stomach|back|side)\\b`,
    `\\b${PERSON} ${gap(3)}(?:c[oa]m\\w+|went|goes|going|ran|run\\w*|lunged|charged) (?:at|after|for|toward|towards) me with (?:a |the |his |her )?(?:\\w+ )?(?:${WEAPONS}|bottle|chair|scissors)\\b`,
  ]),
  ...rules('concern', 'abuse', 'coercive-control', [
    '\\b(?:have to|has me|makes me|made me|forces me|forced to|must|got to) (?:give|hand|turn over|hand over|sign over) (?:him|her|them) (?:every|all|each) (?:dollar|penny|cent|paycheck|check|cent i|bit)\\b|\\b(?:give|hand over|turn over) (?:him|her|them) (?:every|each) (?:dollar|penny|cent|paycheck) i (?:earn|make|get)\\b',
    `(?<!\\bi (?:\\w+ )?)\\b(?:took|takes|taking|steals|stole) (?:away )?(?:all |all of |my whole |my entire |my )(?:paycheck|paychecks|salary|wages|pay|money|savings|income)\\b(?! (?:to (?:the|deposit)|for (?:safe)))`,
    '\\b(?:gives|give|gave) me (?:\\d+|only|just|a few) (?:\\w+ )?(?:dollars|bucks|a week|a month|per week|for (?:food|groceries|the week))\\b',
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      `\\b${PARTNER} ${gap(4)}${MODAL} ${gap(2)}(?:cut|slice|slit|slash|carve) (?:me|us|my (?:throat|face|wrists?|neck))\\b(?! (?:off|out|loose|some slack|a check|a deal|in|short|down|a break|a piece)\\b)`,
      '\\b(?:kill|cut|stab|smother|strangle|hurt|burn|shoot|choke) (?:me|us) (?:while|when|in) (?:i am |we are |i |we |my )?(?:sleep|sleeping|asleep)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules(
    'concern',
    'abuse',
    'surveillance',
    [
      `\\b${PERSON} ${gap(2)}(?:knows|has|got|demands|demanded|took|takes|changed) (?:all )?my (?:\\w+ )?(?:passwords?|passcodes?|pin|pins|logins?)\\b(?=.*\\b(?:checks|reads|goes through|going through|looks through|monitors|tracks|watches|spy\\w*|spies)\\b)`,
      '\\b(?:checks|reads?|monitors|goe?s? through|going through|looks through|tracks|records|screenshots) (?:everything|every (?:text|message|email|call|move|thing|word)|all) (?:i|that i) (?:write|send|text|do|say|type|post|get|receive)\\b',
      `\\b${PERSON} ${gap(2)}(?:go(?:es|ing)|look\\w*|dig\\w*|snoop\\w*|keeps going) (?:through|into|in) (?:all )?my (?:\\w+ )?(?:phone|texts|messages|email|emails|dms|chats|purse|bag|stuff|things|laptop|computer)\\b(?! (?:with me|together)\\b)`,
    ],
    { unlessConsent: true, unlessLaugh: true },
  ),
  // A threat to burn the home: "if I go to my sister's she'll burn the house down".
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      `\\b${PARTNER} ${gap(4)}${MODAL} ${gap(2)}(?:burn|torch|blow up|set fire to) (?:down )?(?:the|our|my|your|this) (?:house|home|place|apartment|car)\\b`,
    ],
    { hyperbole: true },
  ),
  // Asking not to be written back to because someone watches is fear of being found out now: danger.
  ...rules(
    'danger',
    'abuse',
    'hidden-contact',
    [
      '\\b(?:do not|dont|please do not|pls dont|never) (?:text|call|message|email|reply|write) (?:me )?(?:back|here|to (?:this|me|it))?\\b(?: \\w+){0,4} (?:he|she|they) (?:reads|checks|goes through|looks at|sees|monitors|will see|might see|will read|could see|has) (?:all )?(?:my|it|everything|them)\\b',
      '\\b(?:he|she|they) (?:is |are |s )?(?:probably|prob|might be|may be|could be|is|s) (?:reading|going to read|gonna read|watching) (?:this|these|what i (?:write|send|text))\\b|\\bif (?:he|she|they) (?:sees?|reads?|finds?) (?:this|these|that i wrote)\\b(?: \\w+){0,3} (?:i am|i will be|i would be|i m) (?:in trouble|dead|done|screwed)\\b',
    ],
    { unlessConsent: true, unlessLaugh: true },
  ),
  ...rules('danger', 'abuse', 'children-threat', [
    `\\b${PERSON} ${gap(2)}(?:grab\\w+|chok\\w+|strangled|hits?|punch\\w+|slap\\w+|kick\\w+|beats?|shov\\w+|threw|throws|drag\\w+|shook|shakes|hurts?) (?:${KIDS}|our (?:kids|son|daughter|baby|boy|girl))\\b(?!s\\b)(?! (?:on|in) (?:the )?(?:swing|stroller|game|wagon|pool)\\b)(?! (?:at|in) (?:chess|cards|a game|the game|a race)\\b)`,
  ]),
  ...rules('danger', 'abuse', 'sexual-coercion', [
    '\\b(?:when|if|even when|even though|after|even if) i (?:say|said|tell (?:him|her)|told (?:him|her)) no\\b(?! to\\b).*\\b(?:does it anyway|just does it|did it anyway|does it|did it|keeps going|kept going|does not stop|did not stop|does not care|did not care|forces|forced)\\b|\\b(?:does not|did not) (?:care|matter|stop)\\b (?:\\w+ ){0,2}(?:when|if|that) i (?:say|said) no\\b(?! to\\b)',
    '\\b(?:unless|if i (?:do not|dont|will not|wont|refuse to)) (?:i )?(?:have sex|sleep with|do (?:sexual|it in bed)|give (?:him|her) sex)\\b',
    '\\bsex\\b(?: \\w+){0,8} (?:punishment|my duty|i owe (?:him|her)|owe (?:him|her)|no choice|can not say no|not allowed to say no|whether i want (?:it|to) or not)\\b|\\b(?:punishment|owe (?:him|her)|no choice|can not say no|not allowed to say no)\\b(?: \\w+){0,6} sex\\b',
  ]),
  ...rules('danger', 'abuse', 'fear-now', [
    `\\b(?:showed up|shows up|turned up|came|comes|is|was|got) (?:\\w+ )?(?:at|to|outside|into) (?:my|the|our|his|her) (?:house|home|door|apartment|work|job|place|room)\\b(?=.*\\b(?:drunk|high|wont leave|will not leave|refuses to leave|refused to leave|screaming|yelling|banging|raging|furious|with a ${WEAPONS}|threaten\\w*|scared|terrified)\\b)`,
    '\\b(?:i am|we are|i|kids are|children are) not safe (?:right now|tonight|here right now|now|at all right now)\\b|\\bneed help\\b.*\\bnot safe\\b|\\bnot safe\\b.*\\bneed help\\b',
    '\\b(?:locked|hiding|hid|barricaded) (?:myself |me and the kids |us |the kids )?in (?:the|my|a|our) (?:bathroom|closet|bedroom|room|car|basement|attic|laundry room)\\b(?=.*\\b(?:screaming|yelling|outside|banging|drunk|raging|furious|coming|scared|terrified|help|door|pounding|kicking)\\b)',
    '\\b(?:with|while) me (?:still )?(?:inside|in it|in there)\\b|\\b(?:burn|set fire to|torch) (?:down )?(?:the|our|my) (?:house|car|apartment|place)(?: down)? (?:with|while) (?:me|us|the kids|i)\\b',
    `\\b${SCARED}\\b.*\\b(?:${HERE_NOW}|locked (?:the|all the|every) doors?|locked myself)\\b|\\b(?:${HERE_NOW}|locked (?:the|all the|every) doors?|locked myself)\\b.*\\b${SCARED}\\b`,
    `\\b(?:bring\\w*|brought|ha[sd]|have|got|grabb\\w+|holding|carrying|took|taking|pull\\w+|with) (?:out )?(?:a|his|her|the|their|my dads|my) ${WEAPONS}\\b(?=.*\\b(?:${HERE_NOW}|here|coming|said|threat\\w*|at me|toward me|towards me|${SCARED}|door)\\b)|\\b(?:${HERE_NOW}|coming)\\b.*\\b(?:bring|bringing|has|had|got|grabbed|holding|carrying|with) (?:a|his|her|the|their) ${WEAPONS}\\b`,
    `\\b${PERSON} (?:is |was |are |keeps |kept |has been |been |started |is still )?(?:\\w+ )?(?:following|chasing|tailing) (?:us|me)\\b(?! (?:on|around the house|into the|to the kitchen|with (?:his|her) eyes)\\b)`,
  ]),
];

const ROUND_2_HARM_TO_OTHERS: SafetyRule[] = rules(
  'danger',
  'harm-to-others',
  'intent',
  [
    `\\b(?:going to|gonna|will|want to|about to|i am going to) (?:find|get|catch|track down|go after|hunt down|see|wait for) (?:him|her|them|that \\w+|the \\w+)(?: \\w+){0,3} (?:and )?(?:kill|hurt|beat|stab|shoot|strangle|murder|end|beat up|cut|run over) (?:him|her|them)\\b`,
    `\\bi ${gap(2)}(?:grabbed|choked|strangled|pinned|shoved|slammed|threw|dragged) (?:her|him|them|my (?:wife|husband|partner|girlfriend|boyfriend|fiance|fiancee)) (?:by the (?:neck|throat|hair)|against (?:the|a) (?:wall|door|car|floor|fridge|counter)|into (?:the|a) (?:wall|door|car|floor|fridge|counter)|to the (?:ground|floor))\\b(?! (?:\\w+ )?to (?:stop|keep|help|catch|save|pull)\\b)`,
    '\\bi (?:\\w+ )?know where (?:he|she|they|the \\w+(?: \\w+)?|that \\w+|his \\w+|her \\w+) (?:lives|live|works|stays|is staying|parks)\\b.*\\b(?:make (?:him|her|them) pay|with a (?:gun|knife|bat|weapon)|kill|hurt|stab|shoot|beat|end (?:him|her)|get even)\\b',
    `\\bi (?:\\w+ ){0,3}(?:going|go|went|heading|head|drive|driving|drove|wait|waiting|show up|showing up) (?:\\w+ ){0,5}with (?:a|my|the|his|her) (?:\\w+ )?(?:${WEAPONS}|knife)\\b(?! (?:to (?:the|practice|the range|cut|cook)|for (?:dinner|cooking|practice))\\b)`,
    '\\b(?:run|running|ran|drive|driving|drove|push|pushing) (?:him|her|them|(?:his|her|their) (?:car|truck|van|bike|motorcycle)) off (?:the|a) (?:road|bridge|cliff)\\b',
    `\\b(?:bought|got|have|took|grabbed|loaded|buying|getting) (?:a |my |the |his |some )?(?:gun|knife|rifle|pistol|shotgun|ammo|bullets)\\b.*\\b(?:pay for|going to pay|gonna pay|will pay|regret|get what (?:he|she|they) deserves?|deserves? (?:it|this|what)|make (?:him|her|them) pay|sorry)\\b`,
    `\\bi (?:keep |am |have been |been |cant stop |can not stop )?(?:imagin\\w+|pictur\\w+|fantasiz\\w+|dream\\w*|think\\w*)(?: about| of)? (?:(?:kill|hurt|murder|stabb|shoot|strangl|chok|poison|beat|drown|smother)ing|running over) (?:him|her|them|${CLOSE}|someone|somebody|that (?:guy|man|woman))\\b`,
  ],
  { hyperbole: true },
);

const ROUND_2_CALL_FOR_HELP: SafetyRule[] = rules(
  'danger',
  'call-for-help',
  'call-for-help',
  [
    '^ (?:hlep|hepl|halp|hekp|jelp|hrlp|hwlp) ?(?:me|pls|please|plz|now)?(?: (?:me|pls|please|plz|now))? $|\\b(?:hlep|hepl|hekp) me\\b',
    '\\b(?:need|needs|needed) help (?:asap|now|right now|urgently|immediately|fast|quick|quickly|please)\\b',
  ],
  { unlessAboutApp: true },
);

const ROUND_2_CONCERN: SafetyRule[] = [
  ...rules('concern', 'abuse', 'concern', [
    '\\b(?:not|never|do not|dont|did not|no longer|hardly) (?:really |totally |fully |always |even |quite |exactly )?(?:feel |feeling )?(?:safe|secure) (?:at home|in my (?:own )?(?:home|house)|here|around (?:him|her|them)|with (?:him|her|them))\\b',
    '\\bnot sure (?:if |that )?(?:i am|i will be|we are|the kids are|i feel) safe\\b',
    '\\bi (?:flinch|cower|freeze|tense up|jump)\\b(?: \\w+){0,4} (?:when|every time|whenever) (?:he|she|they)\\b',
    '\\b(?:scared|afraid|terrified|frightened|nervous) (?:of )?(?:how|what) (?:he|she|they) (?:reacts|react|might react|would react|gets|will do|might do|would do|could do)\\b',
    '\\b(?:punches|punched|punching|punch|kicks|kicked|kicking|smashes|smashed|smashing) (?:holes in )?(?:the )?(?:walls?|doors?)\\b(?! (?:with (?:the|a) (?:ball|car))\\b)|\\b(?:throws|threw|throwing|breaks|broke|breaking|smashes|smashed) (?:things|stuff|furniture)\\b',
    '\\b(?:temper|anger|rage|outbursts|drinking|yelling|moods?)\\b (?:\\w+ ){0,2}(?:terrifies|scares|frightens) me\\b',
    // Yelled at, and afraid: "he yelled at me today and i was scared".
    `${NOT_NEGATED}\\b(?:yelled|screamed|shouted|yells|screams|shouts|raged|was yelling|was screaming) at me\\b(?: \\w+){0,12} (?:scared|afraid|terrified|frightened|shaking)\\b|${NOT_NEGATED}\\b(?:scared|afraid|terrified|frightened)\\b(?: \\w+){0,8} (?:yelled|screamed|shouted|yells|screams|shouts) at me\\b`,
  ]),
  ...rules('concern', 'self-harm', 'concern', [
    '\\b(?:so |really |just )?(?:tired|exhausted|sick) of (?:everything|it all|all of it|life|living|trying)\\b(?! (?:being|about|he|she|they|we|that|in|at)\\b)',
    '\\b(?:feel|feeling|felt) like i am (?:drowning|suffocating|sinking|falling apart|dying inside|breaking|disappearing)\\b(?! in\\b)|\\bi am drowning\\b(?! in (?:work|paperwork|laundry|emails))',
    '\\b(?:do not|dont) know why i (?:even )?(?:bother|try|keep trying|am still here|keep going)\\b(?! (?:with|to)\\b)',
    '\\bhow (?:much )?longer i can (?:hold on|keep this up|last|survive|keep going|take (?:this|it))\\b',
    '\\bnothing (?:really )?matters (?:anymore|any more|to me|at all)\\b|^ nothing matters $',
    '\\b(?:scared|afraid|worried|terrified) (?:that )?i (?:might|will|could|am going to|would) (?:snap|lose it|lose control|explode|do something|hurt (?:him|her|them|someone))\\b|\\bmy (?:anger|rage|temper) (?:scares|frightens|terrifies|worries) me\\b',
    '\\bneed (?:someone|somebody|anyone|anybody) to talk to\\b',
  ]),
];

/** Every English rule: danger first, in the order categories are reported, then concern. */

/**
 * Round 5: constructions the round-4 blind sets showed unheard, each written as a construction (a
 * self-injury with the part and the instrument, means kept in reserve, a lethal-dose question, a place
 * to fall from, a plan's "how and where", a weapon "not for hunting", a will or policy put in order with
 * "whatever happens", a hold on the throat, being thrown into something, a threat passed through a child).
 */
const DRUG = any(
  'pills',
  'meds',
  'tablets',
  'oxy',
  'oxys',
  'oxycodone',
  'xanax',
  'ambien',
  'percocet',
  'percs',
  'vicodin',
  'painkillers',
  'sleeping pills',
  'insulin',
  'tylenol',
  'advil',
  'ibuprofen',
  'acetaminophen',
  'paracetamol',
  'benzos',
  'lithium',
  'morphine',
  'klonopin',
  'valium',
  'seroquel',
  'trazodone',
  'gabapentin',
  'tramadol',
  'codeine',
  'antabuse',
  'antidepressants',
  'beta blockers',
  'heart pills',
  'blood pressure pills',
  'sleeping tablets',
);
const GUN = any('gun', 'guns', 'shotgun', 'rifle', 'pistol', 'handgun', 'revolver', 'glock', 'deer rifle');
const ROUND_5_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'self-harm',
    'self-injury',
    [
      `(?:^ |\\bi (?:\\w+ ){0,2})(?:burned|burnt|burn|burning|cut|carved|carving|scratched|scratching) (?:my|both) (?:\\w+ )?(?:arm|arms|forearm|forearms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|hip|hips|ankles?) (?:with (?:a |the |my )?(?:lighter|cigarette|cigarettes|razor|razors|blade|blades|match|matches|compass|scissors|glass)|on purpose|again|deeper)\\b`,
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'means',
    [
      `\\b${DRUG}\\b(?: \\w+){0,6} (?:saved up|stashed|stockpiled|put aside|set aside|counted out|lined up)\\b`,
      `\\bhow (?:much|many) (?:of )?(?:my |the |his |her |those )?(?:sleeping )?${DRUG} (?:does it|would (?:do it|it take|kill)|it takes|it would take|to (?:die|not wake up|do it)|is (?:lethal|too many|fatal))\\b`,
      `\\b${GUN}\\b(?: \\w+){0,4} (?:it is |is |s )?not for (?:hunting|the range|protection|sport|deer)\\b`,
      `\\b${GUN} (?:is |s )?(?:loaded|cocked)\\b(?! (?:for (?:the|a) (?:range|hunt|trip))\\b)`,
      '\\b(?:sitting|sat|standing|stood|on) (?:on )?(?:the )?(?:edge|ledge) of (?:the |a |my )?(?:roof|building|bridge|balcony|cliff|parking garage)\\b',
      '\\bon (?:the|a|this) (?:\\w+ ){0,2}bridge\\b(?: \\w+){0,8} (?:looking|staring) (?:down )?at the (?:water|river|drop|rocks|traffic)\\b|\\b(?:not (?:that|so|very) far|how far|long way) down $',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'plan',
    [
      '\\b(?:know|knew|decided|figured out|planned|worked out) (?:exactly )?(?:how and (?:where|when)|where and (?:how|when)|when and (?:how|where))\\b',
      '\\b(?:to|into) the (?:lake|river|ocean|sea|bridge|woods|tracks|cliffs?|water)\\b(?: \\w+){0,4} (?:not|never) (?:coming|come|going to come) back\\b',
      '\\bin case i (?:do not|never) wake up\\b',
    ],
    { firm: true },
  ),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\b(?:updated|wrote|made|finished|signed|did) my will\\b(?=.*\\b(?:whatever happens|when i am gone|if something happens|if anything happens|passwords|goodbye|letters?|handled)\\b)',
    '\\b(?:pays?|paid|pay) out (?:\\w+ ){0,6}no matter how (?:it|i) (?:happens|die|dies|go)\\b',
  ]),
  ...rules('danger', 'abuse', 'physical', [
    `\\b${PERSON} ${gap(3)}(?:grabbed|grabs|grab|grabbing|squeezed|squeezes|held|holds|had|pinned) (?:me )?(?:by |around |on )?(?:my|the) (?:neck|throat)\\b`,
    '\\b(?:him|her|he|she|they|them) (?:\\w+ ){0,1}(?:throwing|shoving|pushing|slamming|threw|shoved|slammed) me (?:into|against|onto|down|across|through) (?:a |the |my )?(?!panic|spiral|loop|depression|chaos|work|it\\b)\\w+',
  ]),
  ...rules('danger', 'abuse', 'threat', [
    '\\bif (?:mommy|mom|mama|daddy|dad|papa|mum|i|you|she|he) (?:ever )?(?:leaves?|goes|left|tries to leave)\\b(?: \\w+){0,4} (?:never see (?:her|him|you|me|mommy|daddy|them) again|will not be coming back|not be coming back|will not come back|is dead|will be dead|dies|will regret it)\\b',
  ]),
];

/**
 * Round 6: constructions the round-5 blind sets showed unheard, each written as a construction and tried
 * on new examples (dev-round6-*.jsonl) before the round-5 messages: a threat of not living to a date ("you
 * won't see christmas"); an act of violence told with any verb of holding ("got me by the throat", "held
 * the knife up at me"); sex forced ("forced himself on me"); violence to someone else happening now, asked
 * about; an overdose told as done ("took the pills. sorry", "took the whole bottle"); self-injury again ("I
 * cut again"); not planning to be here; removing oneself "for good"; a policy that "pays out even for
 * that"; affairs put in order "before I go"; a goodbye that absolves ("not your fault what happens next");
 * a last good day given first; harm to someone meant, with a vehicle, a weapon brought or "what's coming";
 * researching what stops a heart; a low rating with a plea to be called.
 */
const TIME_AHEAD = any(
  'christmas',
  'thanksgiving',
  'new year',
  'new years',
  'easter',
  'your birthday',
  'my birthday',
  'his birthday',
  'her birthday',
  'tomorrow',
  'the morning',
  'the weekend',
  'next (?:week|month|year|summer|spring|winter|fall)',
  'another (?:day|week|year|birthday|christmas)',
  'the new year',
  'spring',
  'summer',
);
const OVERDOSE = `(?:all (?:of )?(?:the|my|his|her) |the (?:whole |entire |rest of the )?(?:bottle|pack|box|packet|jar) (?:of )?|a (?:bunch|handful|lot|fistful|load|strip|sheet|blister pack|whole bottle|whole pack|whole box) of (?:(?:my|his|her|the) )?|(?:my|his|her) (?:whole|entire) (?:bottle|pack|box|stash|supply) of |the rest of (?:my|the|his|her) |(?:half|most|all|the rest) (?:of )?(?:the|a|my|his|her) (?:\\w+ )?(?:bottle|pack|box|packet|jar|strip|sheet) of |(?:half|most|all|the rest) (?:of )?(?:the|a|my|his|her) (?=(?:\\w+ )?\\w+ (?:bottle|pack|box|packet|jar)\\b)|too many |every (?:single )?(?:one of (?:my|the|his|her) )?|(?:\\d+|twenty|thirty|forty|fifty) )(?:\\w+ )?${DRUG}`;
/**
 * Round 7 (English): constructions the round-6 blind sets missed, as constructions. A death threat told
 * as reported words or a note ("saying … I am dead", "a note: you're next"); harm to someone else said as
 * an intent with any verb of ending a life, a blow to a named body part or with a tool, paying with blood,
 * "if I can't have my family nobody can", "he is dead tonight", a weapon held then going to see him,
 * gasoline with someone's address, waiting at her work having brought something; pleas that ask for
 * someone else to be called or for help now, or that cannot talk; cutting told with "carve", making sure
 * not to wake, loose ends before going, a goodbye set so nobody stops it, a rope tied; a door locked from
 * outside, the blows as the subject ("the slaps are every day"), going out for a weapon, shaking because
 * he came home drunk.
 */
const TARGET_7 =
  '(?:her|him|them|that (?:man|woman|guy|girl|dude|bitch|bastard)|the (?:man|woman|guy) who \\w+|my (?:wife|husband|ex|boss|brother|sister|father|mother|neighbor|neighbour))';
const TOOL =
  '(?:gun|knife|pistol|rifle|shotgun|revolver|blade|machete|bat|hammer|crowbar|tire iron|pipe|wrench|axe|strap|piece|glock)';
const ROUND_7_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      '\\b(?:saying|says|said|wrote|writes|texted|told me) (?:\\w+ ){0,8}(?:i am|you are|i will be|you will be) (?:dead|next|a dead (?:woman|man))\\b(?! (?:tired|on|in|for|to)\\b)',
      '\\b(?:note|message|card|paper|letter|text) (?:\\w+ ){0,5}(?:you are next|you will be next|your turn is next)\\b(?! (?:on|in|for) (?:the )?(?:list|line|queue|call|session)\\b)',
      '\\b(?:door|doors) (?:is |are |was |were )?(?:locked|bolted|chained) from (?:the )?outside\\b',
      '\\bthe (?:slaps|hits|hitting|beatings|punches|kicks|choking|shoving) (?:are|is|have been|happen|keep happening) (?:every|each|daily|almost|now|weekly)\\b',
      `\\b(?:just )?(?:went|left|ran|drove|is going) (?:out |off )?(?:to get|to grab|to fetch|for|to buy) (?:a |his |her |the |my |their )(?:\\w+ s )?(?:gun|pistol|rifle|shotgun|revolver|knife|machete|glock)\\b`,
      '\\b(?:came|got|is|comes) home (?:\\w+ ){0,2}(?:drunk|wasted|high|hammered)\\b(?: \\w+){0,8} (?:i am|i m) (?:shaking|trembling|terrified)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'abuse', 'physical', [
    // Violence as a reaction, with or without control around it: "gets violent if anything is deleted".
    '(?<!\\b(?:never|not|no|nt|hardly|rarely)(?: \\w+){0,2} )(?<!\\b(?:movie|show|game|film|book|story|series|scene|match|video|episode|it|things|that) )\\b(?:gets|got|becomes|became|turns|turned) (?:really |very |so )?(?:violent|physical)\\b(?! (?:with (?:the )?(?:door|wall|walls|furniture|dog|doors)|in (?:the )?(?:game|movie|match|show))\\b)',
  ]),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      `\\b(?:intend|plan|planning|mean|going|gonna|want|decided|prepared|ready) (?:to )?(?:end|take) (?:her|his|their|my (?:wife|husband|ex)s?) life\\b`,
      `\\b(?:i am going to|i am gonna|gonna|going to|i will|i ll|i am about to|bout to) (?:\\w+ ){0,1}(?:break|smash|crack|slit|cut|snap|bash in|cave in) (?:her|his|their|that \\w+s?) (?:jaw|neck|throat|legs?|arms?|face|skull|nose|teeth|head|ribs)\\b`,
      `\\b(?:i am going to|i am gonna|gonna|going to|i will|i ll|bout to) (?:beat|beet|hit|smash|bash|bust) (?:\\w+ ){0,5}(?:with|wit|w) (?:a |my |the |his )?${TOOL}\\b`,
      `\\b(?:make|makes|made) ${TARGET_7} pay\\b(?: \\w+){0,4} (?:with|in) (?:his |her |their )?blood\\b|\\b${TARGET_7} (?:will|is going to|is gonna|gonna) pay\\b(?: \\w+){0,10} (?:with|in) (?:his |her |their )?blood\\b`,
      '\\bif i (?:can not|cannot|do not get to|do not) have (?:my (?:family|wife|kids|children)|them|her|him) (?:then )?(?:nobody|no one|no body|noone) (?:can|will|does|gets to)\\b',
      '\\b(?:he is|she is|hes|shes|that \\w+ is|you are) (?:so )?dead (?:tonight|today|tomorrow|this weekend|when i (?:see|find|catch))\\b',
      `\\bi (?:have|got|took|grabbed|bought|loaded) (?:\\w+ ){0,2}${TOOL}\\b(?: \\w+){0,14} (?:going to|gonna|will|i ll) (?:visit|see|find|pay (?:him|her) a visit|go see|pull up on|show up)\\b`,
      '\\b(?:gas|gasoline|petrol|lighter fluid)\\b(?: \\w+){0,12} (?:her|his|their) (?:address|house|place|apartment|car)\\b|\\b(?:her|his|their) (?:address|house|place)\\b(?: \\w+){0,12} (?:gas|gasoline|petrol|lighter fluid)\\b',
      '\\bwaiting (?:\\w+ ){0,6}(?:her|his|their) (?:job|work|house|place|apartment|office|school)\\b(?: \\w+){0,30} (?:i )?(?:brought|have|got) (?:something|it|my \\w+)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'call-for-help', 'call-for-help', [
    '^ (?:please |pls |somebody |someone )?call (?:someone|somebody|the police|the cops|911|for help)\\b(?! (?:about|for (?:the|my) (?:link|app|portal)|to fix|tomorrow|later)\\b)',
    '\\b(?:contact|call|notify|alert) (?:the )?(?:authorities|police|cops) (?:for me|on my behalf|please|now)\\b|\\bplease (?:contact|call|notify) the (?:authorities|police|cops)\\b',
    '\\bi (?:need|require) (?:help|immediate (?:help|assistance)|assistance) (?:right now|now|immediately|asap)\\b(?! (?:with|on|for|to|finding|understanding|figuring|logging|getting into)\\b)|\\bi require immediate (?:help|assistance)\\b',
    '\\b(?:i )?(?:can not|cannot|cant) (?:talk|speak)\\b(?: \\w+){0,3} (?:please|need help|help me|help)\\b(?! (?:text|call) (?:me )?(?:later|tomorrow|after|back))(?!.*\\b(?:later|tomorrow|at work|driving|in a meeting|after work)\\b)',
    '\\b(?:took|has|smashed|broke|takes) my phone\\b(?: \\w+){0,8} (?:call|text) me (?:at|on) (?:this|that|my \\w+ s?|another|a different) (?:number|phone)\\b',
  ]),
  ...rules(
    'danger',
    'self-harm',
    'act',
    [
      '\\b(?:been |started |keep |kept |am )?(?:carving|carved|carve|slicing|sliced|slice) (?:into )?(?:my )?(?:thighs?|arms?|wrists?|legs?|skin|stomach|hips?)\\b',
      '\\b(?:making|make) sure i (?:do not|never|will not|wont) (?:have to (?:do (?:this|it) )?(?:anymore|again|ever)|wake up|see (?:tomorrow|another|morning))\\b',
      '\\bloose ends before i (?:go|leave|am gone)\\b(?! (?:on|to|back|for (?:the|a|my) \\w+|out of town|away)\\b)',
      '\\b(?:goodbye|note|letter|post)\\b(?: \\w+){0,10} (?:so|that way) (?:nobody|no one|noone) (?:can )?(?:stops?|stop|find|finds) me\\b(?! (?:from (?:eating|buying)|at)\\b)',
      '\\b(?:rope|cord|belt|noose|cable|extension cord) (?:is |are )?(?:already )?(?:tied|hung|hanging|set up|ready) (?:up )?(?:in|on|to|from|over) (?:the |my )?(?:closet|garage|beam|rafter|ceiling|fan|door|tree|banister|stairs|basement)\\b(?!.*\\b(?:swing|hammock|dog|tent|boat|tarp)\\b)',
      '\\bion (?:wanna|want to|tryna) (?:be here|live|be alive|wake up)\\b',
    ],
    { firm: true },
  ),
];

const ROUND_6_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'self-harm',
    'act-done',
    [
      // An overdose told as done, with a quantity ("took the whole bottle of tylenol") or with a goodbye.
      `(?:^ |\\bi (?:\\w+ )?|\\bjust )(?:took|swallowed|downed|ate|taken|have taken|popped) ${OVERDOSE}\\b`,
      `(?<!\\b(?:he|she|they|it|dog|cat|kid|kids|son|daughter|mom|mum|dad|wife|husband|you|we|grandma|grandpa|patient|baby) (?:\\w+ )?)\\b(?:took|swallowed|downed|popped) (?:the|my|them|those|these|all) ?(?:\\w+ )?(?:${DRUG})?\\b(?=.*\\b(?:sorry|goodbye|bye|forgive me|love you|can not do this|cant do this|it is done|its done|no more)\\b)(?!.*\\b(?:migraine|headache|feel(?:ing)? better|better now|late reply|for the pain|prescribed|doctor|antibiotics)\\b)(?<=${DRUG}|them|those|these|all)`,
      // Self-injury again, told as an act: "I cut again on wednesday", "burned myself again".
      '(?:^ (?:\\d )?|\\bi (?:\\w+ )?)(?:cut|burned|burnt|hurt myself|harmed myself|relapsed and cut|started cutting) (?:myself )?again\\b(?! (?:my|the|his|her|a) (?:hair|bangs|grass|lawn|wood|fabric|pattern|coupons|cake|finger|hand|thumb))',
    ],
    { firm: true },
  ),
  ...rules('danger', 'self-harm', 'plan', [
    '\\b(?:i (?:do not|dont|am not)|not) (?:plan|planning|intend|intending|expect|expecting) (?:on |to )?(?:be|being) (?:here|around|alive)\\b(?= ?$| (?:anymore|much longer|for much longer|long|by (?:then|next \\w+|the end of \\w+|\\w+day|christmas|spring|summer)|after (?:this|that|tonight)|for long|next (?:week|month|year))\\b)|\\bi (?:do not|dont|am not) (?:plan|planning|intend|intending|expect|expecting) (?:on |to )?(?:be|being) (?:here|around|alive) for (?:the |next |this )?(?:\\w+ )?(?:check in|checkin|session|week|birthday|call|email|christmas|thanksgiving|holidays?)\\b(?=.*\\b(?:1|one|bad|tired|done|sorry|goodbye|anymore|alive)\\b| ?$)',
    `\\b(?:want|wanted|let) (?:him|her|them|the kids|my (?:son|daughter|kids|wife|husband|family|boy|girl)) (?:to )?have (?:that day|(?:one )?(?:last|more|final|good|nice|normal|happy) (?:\\w+ )?(?:day|christmas|birthday|holiday|weekend|summer|memory|memories)) (?:with me )?(?:first|before)\\b(?!.*\\b(?:move|moving|divorce|separat\\w*|tell (?:them|the kids)|we (?:tell|move|leave|sell)|before (?:we|the))\\b)`,
    `\\bi (?:have )?(?:decided|made (?:my|the) decision|made up my mind|picked the (?:day|date))\\b (?:\\w+ )?(?:after|once|when|before|on) (?:(?:my|his|her|the|our) (?:\\w+ )?)?(?:birthday|wedding|graduation|christmas|holidays?|anniversary|the \\d+\\w*|\\d+\\w*)\\b(?!.*\\b(?:party|cake|trip|vacation|move|job|divorce|counsel\\w*|therap\\w*|tell|talk|leave (?:him|her)|propose|buy|sell|visit)\\b)`,
  ]),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\b(?:take|taking|took|remove|removing|get|getting) myself (?:out of|from) (?:the picture|the way|the equation|this world|the world|(?:everyones|everyone is|everybodys|everybody is|their|her|his|your) (?:way|lives?))\\b(?= (?:for good|permanently|forever|for ever)\\b|.*\\b(?:insurance|policy|pays out|kindest|better off|burden)\\b)',
    '(?<!\\b(?:car|auto|home|house|dental|pet|renters|travel|health|phone|return|refund|cancellation) )\\b(?:insurance|policy)\\b(?!.*\\b(?:my fault|accident|damage|theft|flood)\\b)(?: \\w+){0,10} (?:pays?|paid|covers?|covered) (?:out |it )?(?:even )?(?:for|if|in case of) (?:that|suicide|it|self harm)\\b(?! (?:too|as well)? ?(?:accident|damage|theft|fire|flood|water)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'goodbye', [
    // Possessions given away with a word that it is over: "gave away my truck … told him it's time".
    '\\b(?:gave|given|giving|give) away (?:all )?(?:of )?my (?:\\w+ ){0,6}\\b(?:.*\\b(?:(?:it is|its) time(?! (?:for|to)\\b)|will not (?:need|be needing)|wont need|not going to need|do not need (?:it|them|any of it) anymore|for good|after i am gone|when i am gone)\\b)(?!.*\\b(?:moving|move|declutter\\w*|minimalis\\w*|donat\\w*|garage sale|yard sale|new|upgrade\\w*|retire\\w*)\\b)',
    '\\b(?:everything|all|my affairs|things|my stuff|my papers) (?:is |are )?(?:in order|sorted|taken care of|settled) (?:before|for when) i (?:go|leave|am gone|die)\\b(?! (?:on|to|for|away|out|back|home|in|into|through|off|abroad|overseas)\\b)(?!.*\\b(?:trip|vacation|holiday|travel\\w*|business|conference|deployment|surgery|hospital stay)\\b)',
    '\\b(?:it is |its |it will not be |it wont be )?not (?:your|anyones|anybodys) fault (?:what|whatever) (?:happens|comes|i do) (?:next|now|tonight|after this|from here)\\b|\\b(?:what|whatever) (?:i do|happens|comes) (?:next|now|tonight|after this) (?:is not|isnt|will not be|wont be) (?:your|anyones|anybodys) fault\\b',
    '\\byou (?:did|have done|tried) (?:your|all you could|everything you could|the best you could)(?: best)? (?:with|for) me\\b(?=.*\\b(?:not your fault|goodbye|bye|whatever happens|what happens next|sorry|forgive)\\b)',
  ]),
  ...rules('danger', 'abuse', 'physical', [
    `\\b${PERSON} ${gap(3)}(?:got|had|took|caught|seized|grabbed|held|yanked|pulled|dragged) me by (?:the|my) (?:throat|neck|hair)\\b`,
    `\\b(?:held|holds|put|pointed|points|waved|waves|raised|pulled|swung) (?:a|his|her|their|the) ${WEAPON} (?:up |out |right )(?:to|at|on|in|against) (?:me|my|us)\\b`,
  ]),
  ...rules('danger', 'abuse', 'sexual-coercion', [
    '\\bforc(?:ed|es|ing) (?:himself|herself|themselves) (?:on|onto|upon|into) me\\b',
    `\\b${PERSON} ${gap(3)}(?:pinned|pins|held|holds) me down\\b(?!.*\\b(?:tickl\\w*|wrestl\\w*|practice|sparring|playing)\\b)(?=.*\\b(?:said no|told (?:him|her) no|did not want|didnt want|forced|sex|on the bed|in bed|until)\\b)`,
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      `\\b(?:note|said|says|texted|wrote|written|told me|threat\\w*|message|voicemail|whisper\\w*|card|letter)\\b(?: \\w+){0,12} (?:you|i) (?:will not|wont|are not going to|am not going to|will never|would not|wouldnt) (?:see|make it to|live to see|live (?:till|until|past|to)|survive(?: (?:till|until|past|to))?) ${TIME_AHEAD}\\b(?! (?:at|with|because|since|either|anyway|in person|together|this year)\\b)`,
      // A note, a text or a voicemail that says the person is dead or cannot hide.
      '\\b(?:note|said|says|texted|wrote|written|told me|message|voicemail|whisper\\w*|card|letter)\\b(?: \\w+){0,12} (?:you are dead|you are next|you are a dead (?:man|woman)|(?:you|i) (?:can not|cant) hide(?! from (?!me\\b))|i am next|i will find you|sleep with one eye open)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      `\\b(?:going to|gonna|will|want to|about to|i am going to|i will|ready to|fixing to) (?:\\w+ ){0,2}(?:run (?:(?:him|her|them) |(?:that|the|my|his|her|this) (?:\\w+ ){1,3}?)(?:over|down)|run over (?:him|her|them))\\b(?! (?:with (?:the|my|a) (?:details|plan|list|schedule)|on the phone|to (?:the|a|my|his|her|school|work|practice|town|grandmas)|there|here|later|quickly|real quick)\\b)`,
      '\\b(?:could|should|might) (?:just )?run (?:him|her|them) (?:over|down)\\b(?=.*\\b(?:going to do it|gonna do it|nobody would know|no one would know|i will do it|tonight|tomorrow)\\b)',
      `\\b(?:bring|bringing|brought|take|taking) (?:something|a little something|my \\w+|the \\w+) (?:to|that will|that ll|and) (?:finish|end|settle) (?:it|him|her|them|this|things)\\b(?! (?:up|off the|on)\\b)`,
      `\\b(?:going to|gonna|will|about to) finish (?:him|her|them) off\\b`,
      '(?:\\b(?:he|she|they|that \\w+|the \\w+) (?:has|have) no (?:idea|clue) what (?:is|s) coming\\b|\\bwhat (?:is|s) coming (?:to|for) (?:him|her|them)\\b)(?!.*\\b(?:surprise|birthday|party|gift|present|christmas|anniversary|proposal|promotion|mail|dinner|vacation|trip)\\b)',
      `\\bi am not (?:going to|gonna) (?:just )?(?:yell|argue|talk|cry|sit here|sit there|walk away|be nice|play nice) (?:this time|anymore)\\b(?=.*\\b(?:she|he|they|him|her|them)\\b)(?=.*\\b(?:tonight|tomorrow|when (?:she|he)|coming|finish|pay|gun|knife|piece|done)\\b)|\\b(?:him|her|them)\\b.*\\bdone (?:playing|being) nice\\b(?!.*\\b(?:hoa|landlord|company|insurance|boss|school|complaint|lawyer|court|email|bank|customer service)\\b)`,
      `\\b(?:pull|pulling|roll|rolling|slide|sliding|run|running) up on (?:him|her|them|dude|that \\w+|the \\w+|this \\w+)\\b(?=.*\\b(?:piece|strap|gun|blick|heat|glock|burner|knife|pole|not (?:going to|gonna) be (?:a )?(?:talk|convo|conversation))\\b)`,
      `\\b(?:which|what|how many|how much) (?:\\w+ ){0,5}(?:can|will|would|could|to) (?:stop (?:a|her|his|the|their) heart|kill (?:a person|someone|her|him|a (?:grown )?(?:man|woman|person|adult))|be (?:lethal|fatal) (?:to|for) (?:a person|someone|her|him))\\b(?=.*\\b(?:she|he|her|him|they)\\b)`,
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'call-for-help', 'call-for-help', [
    // Violence to someone else now, and the writer asking what to do.
    '\\b(?:is|s|are|keeps) (?:hurting|hitting|beating|choking|attacking|strangling|stabbing|kicking|punching|killing) (?:her|him|them|(?:my|his|her|their) (?!(?:record|time|score|best|personal|high|pb|game|level|opponent|addiction|habit|illness|cancer|depression|fear)\\b)\\w+)\\b(?: \\w+){0,3} (?:right now|now|as we speak|at this moment|this minute)\\b',
    // A low rating, then a plea to be called: "1 please call me".
    '^ (?:1|2|one|two)\\b (?:\\w+ )?(?:please|pls|plz|plese) (?:call|text|help) me\\b(?! (?:back|when|about|tomorrow|next|later|after|to (?:reschedule|schedule|talk about))\\b)',
  ]),
];

/**
 * Round 9 (English): round 7's blind misses, as constructions (written before the round-9 writers' sets
 * were read). Harm to someone told with the subject dropped ("gonna stab him"), as a time of death
 * ("tonight he dies"), as a weapon taken to someone's door or to a face, as being ready to run someone
 * over, as something slipped into a drink that will not show up; pleas that are only a plea ("come get me
 * please", "someone help"), that ask for the police to be sent or say they need them; self-harm as a
 * painless way asked for, charcoal and a sealed car, the nerve worked up at tracks or a bridge, a car
 * driven off a bridge or left running in the garage, a hand held to a burner on purpose, bleeding made,
 * a goodbye that asks for an apology to be passed on; "enjoy your last week"; a weapon laid out while
 * staring.
 */
const SUBJECT_ELSE =
  '(?:he|she|they|you|we|it|who|is|are|was|were|not|never|nobody|someone|somebody|mom|dad)';
const ROUND_9_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      `(?<!\\b${SUBJECT_ELSE}(?: \\w+)? )\\b(?:going to|about to|bout to|finna|fixing to) (?:\\w+ )?(?:stab|shoot|shot|murder|strangle|smother|poison|gut) (?:him|her|them|that \\w+)\\b(?! (?:with (?:a|the) (?:camera|phone|question|text|email|message)|a (?:text|message|look|email)|down)\\b)`,
      '^ (?:i am )?(?:going to|about to|bout to|finna) (?:kill|murder|stab|shoot|shot) (?:him|her|them)\\b ?$',
      `\\b(?:going|headed|heading|driving|on my way|walking|going over) (?:over )?(?:to|by) (?:his|her|their|that \\w+ is|\\w+ is) (?:house|place|apartment|work|job|office|school|trailer)\\b(?: \\w+){0,5} with (?:my|a|the|his|her|grandpas|dads) (?:\\w+ )?${TOOL}\\b`,
      `\\b${TOOL} (?:right )?to (?:his|her|their|that \\w+ is) (?:face|head|skull|knees?|teeth|mouth)\\b`,
      '\\b(?:enough|ready|tempted|close|this close) to run (?:him|her|them) (?:over|down)\\b|\\b(?:thought|thinking|think) about running (?:him|her|them) (?:over|down)\\b',
      '\\b(?:put|slip|add|mix|sprinkle|drop)\\b(?: \\w+){0,4} (?:in|into) (?:someone is|somebody is|his|her|their|\\w+ is) (?:coffee|drink|food|tea|beer|soup|meal|water|wine|juice)\\b(?=.*\\b(?:does not show|do not show|will not show|wont show|doesnt show|not show up|untraceable|undetectable|deserves? it|without (?:him|her|them) knowing)\\b)',
      '\\b(?:untraceable|undetectable) (?:poison|way to (?:kill|get rid of))\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      '\\b(?:tonight|today|tomorrow|this weekend) (?:he|she|they|that \\w+) (?:dies|die|will die|is going to die)\\b|\\b(?:he|she|that \\w+) (?:dies|will die|is going to die) (?:tonight|today|tomorrow|this weekend)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '^ (?:please |pls |plz )*(?:someone |somebody )?(?:come|come and) (?:get|pick up|save|help) me(?: please| pls| plz| now| asap| hurry| fast| quick)+ ?$',
      '^ (?:please |pls |plz )*(?:someone|somebody|anyone|any one) (?:please |pls |plz )?(?:help|hlep|hepl|halp|helpp)(?: me)?(?: please| pls| plz| now| asap| hurry)* ?$',
      '\\bsend (?:the )?(?:cops|police|a cop|cop|an ambulance|ambulance|a patrol|patrol car|officers?)\\b',
      '\\bi need (?:the )?(?:police|cops|an ambulance|ambulance|911)\\b(?! (?:report|record|to (?:call|file|fill)|for (?:a|my|the) (?:report|form|insurance|claim))\\b)',
      '\\bi need help (?:tonight|now|right now|asap)\\b(?: \\w+){0,4} (?:please )?call\\b',
    ],
    { unlessAboutApp: true, unlessLaugh: true, firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'plan',
    [
      '\\bway to (?:do it|go|die|end it|end things)\\b(?: \\w+){0,3} without (?:it )?(?:hurting|pain|feeling (?:it|anything))\\b|\\b(?:painless|least painful|quickest painless) ways? to (?:die|go|do it|end it|end things)\\b',
      '\\bcharcoal\\b(?: \\w+){0,8} (?:tape|car windows|windows|sealed|seal|bathroom door)\\b(?!.*\\b(?:grill|grilling|bbq|barbecue|cookout|burgers?|smores|art|drawing|sketch)\\b)',
      '(?:\\b(?:tracks|train|bridge|jump|edge|roof|ledge|pills|trigger|rope)\\b(?: \\w+){0,12} (?:work|working|worked|build|building|get|getting) up (?:the )?(?:nerve|courage|guts)\\b|\\b(?:work|working|worked|build|building|get|getting) up (?:the )?(?:nerve|courage|guts)\\b(?=(?: \\w+){0,12} (?:tracks|train|bridge|jump|edge|roof|ledge|pills|trigger|do it|end it|go through with it|rope)\\b))(?!.*\\b(?:ask (?:him|her|them) out|propose|quit|tell (?:him|her|them)|call (?:him|her|them)|bungee|skydiv\\w*|dive|diving|cliff jump\\w*)\\b)',
      '\\b(?:planning|plan|going|gonna|want|wanting|about|thinking about|ready|decided) (?:to )?(?:drive|driving|steer|swerve|crash) (?:my car |the car |the truck |my truck |it )?(?:off|into) (?:a |the )?(?:bridge|cliff|overpass|route \\d+|pole|tree|wall|river|lake|embankment|guardrail|oncoming traffic|a semi|the canyon|the quarry)\\b',
      '\\bgarage\\b(?: \\w+){0,8} (?:car|engine|truck) (?:is )?running\\b(?!.*\\b(?:warm|warming|accident|by mistake|forgot|defrost)\\b)|\\b(?:car|engine|truck) running\\b(?: \\w+){0,4} (?:in )?(?:the )?garage (?:door )?(?:closed|shut)\\b',
      '\\bmade myself bleed\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'act',
    [
      '\\b(?:held|put|pressed|hold|holding|press) my (?:hand|palm|arm|fingers?|wrist|thigh|leg) (?:on|against|over|under|to) (?:the )?(?:stove|burner|iron|lighter|flame|candle|hot \\w+|curling iron|cigarette|stovetop)\\b(?=.*\\b(?:on purpose|to feel|till it blistered|until it blistered|again|blister\\w*|punish\\w*|deserve)\\b)',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'goodbye',
    [
      '\\b(?:tell|let) \\w+ (?:know )?(?:that )?i am sorry\\b(?: \\w+){0,6} (?:understand|forgive me) (?:later|one day|someday|eventually|when)\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      '\\benjoy your last (?:day|days|week|night|weekend|breath|christmas|birthday|month|summer)\\b',
      '\\b(?:took|pulled|got|brought|laid|set|put|placed|cleaning|cleaned|loading|loaded|sharpening|sharpened) (?:out )?(?:a |his |her |the |my )?(?:\\w+ )?(?:knife|gun|pistol|rifle|shotgun|machete|revolver)\\b(?: \\w+){0,16} (?:looking|staring|glaring|smiling) at me\\b',
    ],
    { hyperbole: true },
  ),
];

/**
 * Round 10 (English): constructions six new writers' sets showed unheard by the rules (measured before
 * anything was tuned on them), each written as a construction with its near misses in
 * safety-constructions.test.ts: something poisonous drunk; drugs taken or used "on purpose"; cutting kept
 * up ("been cutting every night"); a ligature tied and tested; a weapon pulled on the writer, or laid down
 * with a word about leaving; a threat to put something in the writer's food; a burn held to them; a car
 * turned into a weapon; the finger drawn across the throat; medicine or oxygen withheld to punish; pleas
 * for someone to come or to be called for; the death that would leave a widow or an insurance payout.
 */
const ROUND_10_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'self-harm',
    'act',
    [
      '(?:^ |\\bi (?:\\w+ )?|\\bjust )(?:drank|swallowed|downed|chugged|took|had) (?:some |a (?:cup|glass|bottle|bit|little) of |a lot of |half (?:a|the) bottle of )?(?:bleach|antifreeze|drain cleaner|rat poison|weed killer|lye|pesticide|stuff from under the sink|the stuff under the sink|cleaning stuff)\\b',
      `(?:\\b(?:shot up|snorted|injected|overdosed|od)\\b(?: \\w+){0,5}|\\b(?:used|took|swallowed) (?:way |a lot |so much |much )?(?:more|too much|extra|double|triple)(?: (?:of )?(?:my |his |her |the )?${DRUG})?(?: than (?:usual|normal|i should|ever|before))?) on purpose\\b(?<!\\b(?:accident|not|never|did not|didnt)(?: \\w+){0,8} on purpose)`,
      '\\b(?:been|started|keep|kept|still|back to|went back to) (?:cutting|carving|burning) (?:myself |my (?:arms?|wrists?|legs?|thighs?|stomach|skin|hips?) )?(?:again|every (?:night|day|morning|week)|most (?:nights|days)|since|deeper)\\b',
      '\\b(?:been|started|keep|kept|still) (?:carving|cutting|scratching|burning) (?:\\w+ ){0,2}(?:initials|name|names|words?|letters) (?:in|into) my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach)\\b',
      '\\b(?:tied|tie|tying|hung|fixed|knotted) (?:a |the |my |his |her )?(?:belt|rope|cord|extension cord|sheet|bedsheet|noose|scarf|tie|dog leash|leash)\\b(?: \\w+){0,6} (?:closet rod|rod|rafter|rafters|beam|ceiling fan|fan|door|doorknob|door handle|banister|railing|pipe|hook|tree|branch)\\b(?=.*\\b(?:test|tested|testing|held|holds|hold|my weight|see if|strong enough|tonight)\\b)',
    ],
    { firm: true },
  ),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\b(?:better off|do better|be better|be fine|be happier)\\b(?: \\w+){0,6} (?:a widow|a widower|(?:the |my )?insurance (?:money|payout)|(?:the |my )?life insurance(?: money| payout)?)\\b',
    '^(?!.*\\b(?:trip|travel\\w*|flight|flying|surgery|operation|deploy\\w*|vacation|holiday|cruise)\\b).*\\bif anything (?:happens|should happen|were to happen) to me\\b(?: \\w+){0,8} (?:passwords?|bank accounts?|accounts?|insurance|policy|letters?|notebook|drawer|will)\\b',
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      `\\b(?:pulled|drew|pointed|aimed|waved|held|put) (?:a |his |her |their |the )?(?:\\w+ )?(?:${TOOL}|weapon|service weapon|sidearm|firearm|handgun)\\b (?:on|at) me\\b`,
      `\\b(?:put|laid|set|placed|slammed) (?:a |his |her |the )?(?:\\w+ )?(?:gun|pistol|rifle|shotgun|revolver|knife|machete|handgun)\\b(?: \\w+){0,6} (?:on|in front of) (?:the )?(?:\\w+ )?(?:table|counter|desk|bed|plate|me)\\b(?: \\w+){0,10} (?:leave|leaving|left|go|going|divorce|cheat|cheating|lie|lying|tell anyone|remember this)\\b`,
      `\\b(?:he|she|they|my (?:wife|husband|partner|ex|boyfriend|girlfriend|bf|gf|fiance|fiancee))\\b(?: \\w+){0,2} (?:said|says|told me|threatened|swore)\\b(?: \\w+){0,3} (?:would|will|is going to|was going to|going to|might|could|can) (?:put|slip|mix|drop) (?:something|stuff|poison|rat poison|antifreeze|bleach|pills|\\w+ pills) (?:in|into) my (?:coffee|food|drink|tea|meal|dinner|lunch|water|soup|juice|beer|wine)\\b`,
      '\\b(?:finger|thumb|hand|knife) across (?:his|her|their|the|my) (?:throat|neck)\\b',
      '\\b(?:tried|try|trying|tries) to (?:run me (?:over|down|off the road)|hit me with (?:his|her|the|their) (?:car|truck|van))\\b',
      '\\b(?:yanked|grabbed|jerked|swerved|turned) (?:the )?(?:steering )?wheel\\b(?=.*\\b(?:teach me|scare me|kill us|kill me|lesson|on purpose|kids|freeway|highway|interstate|at \\d+|oncoming)\\b)',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'abuse',
    'physical',
    [
      '\\b(?:held|put|pressed|stubbed) (?:a |his |her |the |their )?(?:hot |lit |burning )?(?:lighter|lit cigarette|cigarette|cigar|iron|curling iron|flame|hot pan|hot spoon|hot knife) (?:out )?(?:to|against|on|into|near) my (?:\\w+)\\b',
      '\\b(?:hid|hides|hidden|hiding|took|takes|keeps|kept|withholds|withheld|withholding|flushed|threw out|locked up) (?:away )?(?:all )?my (?:heart pills|insulin|inhaler|meds|medication|medicine|pills|oxygen|epipen|epi pen|seizure meds|blood thinners|heart medicine|insulina)\\b(?=.*\\b(?:until|til|till|when i|unless|says i|learn|behave|punish\\w*|keep my mouth shut|shut up|days)\\b)',
      '\\b(?:pulled|yanked|ripped|unplugged|cut) (?:out )?my (?:oxygen|o2|oxygen tube|feeding tube|breathing tube|oxygen mask)\\b(?! (?:reading|level|levels|saturation|sats|numbers)\\b)',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '^ (?:please |pls |plz )*(?:someone|somebody|anyone|any one) (?:please |pls |plz )?come(?: here| now| quick| fast| please| pls| plz| help| hurry)* ?$',
      '\\b(?:call|ring|dial|phone) (?:911|999|000|112|the police|the cops|the guards|an ambulance|ambulance)\\b(?: (?:for|4) me)\\b(?! (?:if|when|in case)\\b)',
      '^ (?:please |pls |plz )*(?:bachao|bachaao|tulungan (?:mo|nyo|niyo|ninyo) (?:ako|ko|kami)|saklolo)(?: please| pls| plz| now)* ?$',
    ],
    { unlessAboutApp: true, unlessLaugh: true, firm: true },
  ),
  ...rules('concern', 'self-harm', 'indirect', [
    '\\b(?:going to|gonna|decided to|will|i am|been|have been|i have) (?:stop|stopped|stopping|quit|quitting|refuse|refusing) (?:my |the |taking (?:my |the )?)?(?:dialysis|chemo|chemotherapy|insulin|heart meds|heart medicine|treatment|treatments)\\b',
  ]),
];

/**
 * Round 11 (English): the words of self-harm online speech that the normaliser's slang list did not
 * reach ("self delete", "unaliving" with no object), a relapse into cutting, removing oneself for good.
 */
const ROUND_11_EN: SafetyRule[] = [
  ...rules('danger', 'self-harm', 'direct', [
    '\\b(?:want|wanna|going to|about to|thinking about|think about|thought about|planning to|planning on|ready to|might|could|should|just|need to|time to|decided to) (?:to )?(?:just )?self (?:delete|deleting)\\b(?! (?:the |my |these |those |all |old |our |his |her )?(?:messages?|texts?|chats?|photos?|pics?|posts?|setting|settings|feature|option|mode)\\b)',
    '\\b(?:thinking about|thought about|think about|considering|planning on|planning|going to try|want to try) killing(?= (?:tonight|today|soon|again|this weekend|right now|for real|fr)\\b| ?$)',
    '\\bremove myself\\b(?: \\w+){0,3} (?:permanently|for good|forever|from (?:the picture|this world|the world|the equation|everyone is life|their lives))\\b',
  ]),
  ...rules(
    'danger',
    'self-harm',
    'act',
    [
      '\\brelapsed?\\b(?: \\w+){0,4} (?:razor|razors|blade|blades|cutting|self harm|sh|burning myself)\\b',
      '\\bi (?:\\w+ )?(?:burn|burned|burnt) my (?:arms?|wrists?|legs?|thighs?|skin|stomach) (?:with|on) (?:a |the |my )?(?:curling iron|lighter|cigarettes?|iron|candle|matches|match|flat iron|hair straightener)\\b(?!.*\\b(?:accident\\w*|cooking|pancakes?|dinner|by mistake|ironing|ouch|oops)\\b)',
      '\\b(?:tied|made|have|got|bought|hung) (?:a |the |my )?noose\\b',
      '^(?!.*\\b(?:haul\\w*|tow\\w*|camping|boat|swing|climbing|tie down|tarp|moving|garden\\w*|truck bed)\\b).*\\b(?:rope|noose)\\b(?: \\w+){0,8} (?:not|have not|did not|never) (?:used|use) it yet\\b',
    ],
    { firm: true },
  ),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\bworth more dead\\b|\\b(?:life )?insurance (?:is|would be|is worth|pays) (?:worth )?more than (?:i am|me|i will ever)\\b',
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      '\\b(?:you are|your|you) (?:dead|a dead (?:man|woman))\\b(?: \\w+){0,2} (?:when|once|if|the minute|as soon as) (?:i|he|she|we) (?:get|gets|come|comes|find|finds|see|sees|catch|catches)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules(
    'danger',
    'abuse',
    'physical',
    [
      '^(?!.*\\b(?:accident\\w*|by mistake|spill\\w*|oops|clumsy)\\b).*\\b(?:threw|throws|thrown|poured|dumped|tossed) (?:a (?:pot|pan|cup|mug|kettle) of )?(?:boiling|scalding|hot) (?:water|oil|grease|coffee|tea)\\b(?: \\w+){0,3} (?:at|on|over) (?:me|my)\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      '\\b(?:poured|pouring|spread|soaked|splashed) (?:the )?(?:gas|gasoline|petrol|lighter fluid|kerosene)\\b(?: \\w+){0,3} (?:around|on|over|all over|in) (?:his|her|their|the|that \\w+ is) (?:house|garage|car|truck|porch|door|bed|place|apartment|trailer)\\b',
      '\\b(?:take|taking|took|bring) (?:them|the kids|my kids|the children|my children|our kids|the babies)\\b(?: \\w+){0,4} (?:with me|along)\\b(?: \\w+){0,6} (?:(?:go|going|be|all go|all be|end up) (?:to |in )?heaven|heaven together|to god together|(?:all )?go together|none of us (?:will be |are |would be )?(?:around|here|left|alive))\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '^ [1-5] (?:please )?(?:help|help me|hlep|halp)(?: please| pls| now)* ?$',
      '^ (?:please |pls |plz )*(?:anyone|anybody|someone|somebody)(?: please| pls| plz| now| help| hurry)+ ?$',
      '\\bneed help (?:\\d+ )*(?:now|right now|asap|immediately) (?:please|pls|plz)\\b',
    ],
    { unlessAboutApp: true, unlessLaugh: true, firm: true },
  ),
];

/**
 * Round 12 (English): pleas as people send them to a number they trust: a check-in answer then "help",
 * "help" closing a message of trouble, "come get me" alone, please said over and over, "mayday"; and the
 * intent to make someone bleed.
 */
const ROUND_12_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '^ (?:(?:[ny]|yes|no|and|[1-5]) )+(?:please )?(?:help|help me|hlp|halp)(?: please)? ?$',
      '\\b(?:not ok|not okay|not fine|not safe|scared|terrified|please|bad|worse|hurry)\\b(?: \\w+){0,2} (?:help|help me|help us)(?: please| now)? ?$',
      '^ (?:please |pls |plz )*(?:come|come and) get me ?$',
      '^ (?:please ){2,}(?:someone|somebody|anyone|help|help me)? ?$',
    ],
    { unlessAboutApp: true, firm: true },
  ),
  // Not `unlessAboutApp`: its list counts "lol", and "mayday mayday lol not lol" is a plea.
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    ['\\bmayday\\b(?!.*\\b(?:parade|band|song|album|concert|festival|holiday|may day)\\b)'],
    { firm: true },
  ),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    ['\\b(?:going to|will|about to|finna|want to|ready to) make (?:him|her|them|that \\w+) bleed\\b'],
    { hyperbole: true },
  ),
];

/**
 * Round 14's self-harm by its means, written from the messages of round 12's and round 13's oblique
 * writers that each missed when the other's were left out of training: a weapon held under the chin or in
 * the mouth; practising the knot; a parent who did it, at the writer's age; questions of means (how long in
 * a shut garage with the engine running, the most of a drug before it is too late, whether a fall from so
 * high always does it, whether the falling part would hurt). Firm: the model, which reads such questions as
 * ordinary, cannot overrule them. On three oblique writers neither saw they found almost nothing new
 * (docs/SAFETY-EVAL.md, round 14); they are kept because each is a plain statement of means.
 */
const ROUND_14_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'self-harm',
    'means',
    [
      `\\b(?:${GUN}|barrel|muzzle|45|9mm) (?:\\w+ )?(?:under|in|against|into) my (?:chin|mouth|temple|jaw)\\b`,
      '\\bpractic\\w* (?:tying )?(?:the|a|my) (?:knot|noose)\\b(?!.*\\b(?:boat|sail\\w*|scouts?|climb\\w*|fishing|necktie|tie a tie|macrame|bowline|wedding|married|marry|vows|class)\\b)',
      '\\bhow (?:long|much time)\\b(?: \\w+){0,6} (?:sit|stay|breathe|pass out)\\b(?: \\w+){0,5} (?:garage|closed room)\\b(?=.*\\b(?:engine|exhaust|carbon monoxide|fumes)\\b)',
      `\\b(?:what is|what s|whats) the most ${DRUG}\\b(?: \\w+){0,8} (?:before (?:it is|its) too late|too late to (?:fix|save|reverse|treat)|to (?:die|not wake up))\\b|\\bthe most (?:tylenol|acetaminophen|advil|ibuprofen|aspirin|benadryl|insulin|potassium)\\b(?: \\w+){0,8} (?:before (?:it is|its) too late|too late to (?:fix|save|reverse|treat)|to (?:die|not wake up))\\b`,
      '\\bdoes (?:a )?(?:fall|jump) (?:from|off) (?:a |the )?(?:\\w+ ){0,3}(?:story|stories|floor|floors|feet|foot|bridge|roof|building|cliff|garage|deck|overpass)\\b(?: \\w+){0,4} (?:always (?:do it|work|kill)|do it|kill (?:you|a person|someone))\\b',
      '\\bwould it hurt (?:the |that )?(?:falling|fall|jump|landing) part\\b|\\bwondering if (?:it|the fall) would hurt\\b(?!.*\\b(?:dog|cat|puppy|kitten|baby|kid|kids|him|her|them|horse)\\b)',
      '\\bmy (?:dad|father|mom|mother|brother|sister|uncle|grandpa|grandfather|grandma|grandmother) (?:did it(?! (?:all|himself|herself|right|well|again|alone|better|first|for|with|too|on (?:his|her) own)\\b)|killed (?:him|her)self|took (?:his|her) (?:own )?life|shot (?:him|her)self|hung (?:him|her)self)\\b(?=.*\\b(?:i am|i will be|i turn|turning|same age|my age)\\b)',
    ],
    { unlessLaugh: true, firm: true },
  ),
  // Retrained with round 14's writers, the model read "I fear for my life" (which ABUSE's fear-now rule
  // names, not firm, laughed or not) as ordinary and vetoed it: for one's life or safety it is firm, unless
  // laughed off.
  ...rules('danger', 'abuse', 'fear-now', [`${AFRAID_FOR_MY} (?:life|safety)\\b`], {
    unlessLaugh: true,
    firm: true,
  }),
];

/**
 * Round 13's pleas (from its writers' misses, measured unseen): "just call 911" said to the program
 * ("dont reply just call 911"), not said of oneself ("I'll just call 911 if"); and a call for the police
 * that tells where to find them by the address the program already has ("same address as on my intake
 * form"), which the question-about-the-app cue would otherwise silence.
 */
const ROUND_13_EN: SafetyRule[] = [
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '(?<!\\b(?:i|i will|i would|would|will|should|could|can|might|to|you|u|we|they|he|she) )\\bjust (?:call|text) (?:the )?(?:911|police|cops)\\b',
      '\\b(?:call|send|get) (?:the )?(?:cops|police|911|someone|somebody)\\b(?: \\w+){0,12} (?:address|direccion)\\b(?: \\w+){0,4} (?:form|formulario|file|profile|intake)\\b',
    ],
    { unlessLaugh: true, firm: true },
  ),
];

export const EN_RULES: readonly SafetyRule[] = [
  ...ROUND_14_EN,
  ...ROUND_13_EN,
  ...ROUND_12_EN,
  ...ROUND_11_EN,
  ...ROUND_10_EN,
  ...ROUND_9_EN,
  ...ROUND_7_EN,
  ...ROUND_6_EN,
  ...ROUND_5_EN,
  ...SELF_HARM,
  ...ABUSE,
  ...ROUND_2_EN,
  ...HARM_TO_OTHERS,
  ...ROUND_2_HARM_TO_OTHERS,
  ...CALL_FOR_HELP,
  ...ROUND_2_CALL_FOR_HELP,
  ...CONCERN,
  ...ROUND_2_CONCERN,
];
