/**
 * The hand-written rules of the sentiment analyser, per language: negators, intensifiers and
 * downtoners, contrast words ("but", "men", "ma"), and words that are not opinions in a customer
 * conversation ("support", "tak", "grazie"). The model sees their effects as features (what is
 * negated, what follows a contrast, what is intensified); it learns how much each matters.
 * Words are written normalised (lower case, no apostrophes, Italian accents folded: "perche").
 */
import { hashWord } from './hash.js';

export const LANGUAGES = ['en', 'da', 'it'] as const;
export type ModelLanguage = (typeof LANGUAGES)[number];
export type Language = ModelLanguage | 'other';

/** Words that negate what follows in their clause (all languages at once: they rarely collide). */
export const NEGATORS: Record<ModelLanguage, readonly string[]> = {
  en: [
    'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'cannot', 'cant', 'dont', 'doesnt',
    'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'havent', 'hasnt', 'hadnt',
    'aint', 'mustnt', 'neednt', 'without', 'nope', 'hardly', 'barely', 'nt', 'nor', 'dnt', 'doesn', 'isn', 'didn',
  ],
  da: ['ikke', 'ik', 'ikk', 'aldrig', 'ingen', 'intet', 'ingenting', 'hverken', 'uden', 'ej', 'næppe'],
  it: ['non', 'nn', 'mai', 'niente', 'nulla', 'nessuno', 'nessuna', 'nessun', 'senza', 'neanche', 'nemmeno', 'neppure', 'manco', 'macche'],
};

/** Words that strengthen the opinion word after them. */
export const INTENSIFIERS: Record<ModelLanguage, readonly string[]> = {
  en: [
    'very', 'really', 'so', 'too', 'extremely', 'absolutely', 'totally', 'completely', 'super', 'incredibly', 'most',
    'such', 'highly', 'truly', 'fucking', 'fkn', 'damn', 'soo', 'sooo', 'utterly', 'especially', 'seriously', 'insanely',
    'deeply', 'hugely', 'entirely', 'awfully', 'terribly', 'mega', 'way', 'bloody', 'hella', 'quite', 'more',
  ],
  da: [
    'meget', 'virkelig', 'rigtig', 'rigtigt', 'super', 'helt', 'totalt', 'utrolig', 'utroligt', 'vildt', 'mega', 'så',
    'pisse', 'ekstremt', 'særdeles', 'enormt', 'sindssygt', 'hamrende', 'skide', 'vanvittigt', 'ufattelig', 'ufatteligt',
    'mest', 'temmelig', 'ganske', 'fandens', 'kæmpe', 'mere',
  ],
  it: [
    'molto', 'davvero', 'veramente', 'proprio', 'troppo', 'super', 'estremamente', 'assolutamente', 'totalmente',
    'tanto', 'cosi', 'particolarmente', 'incredibilmente', 'tantissimo', 'parecchio', 'decisamente', 'davvero',
    'completamente', 'piu', 'sempre', 'stra',
  ],
};

/** Words that soften the opinion word after them. */
export const DOWNTONERS: Record<ModelLanguage, readonly string[]> = {
  en: ['slightly', 'somewhat', 'kinda', 'sorta', 'bit', 'little', 'almost', 'partly', 'fairly', 'rather', 'less', 'pretty'],
  da: ['lidt', 'noget', 'nogenlunde', 'næsten', 'delvis', 'delvist', 'mindre', 'ret'],
  it: ['poco', 'abbastanza', 'piuttosto', 'quasi', 'po', 'meno', 'leggermente', 'alquanto'],
};

/** Contrast: what follows outweighs what came before ("nice bike but the brakes squeak"). */
export const CONTRAST: Record<ModelLanguage, readonly string[]> = {
  en: ['but', 'however', 'although', 'though', 'nevertheless', 'nonetheless', 'except', 'whereas'],
  da: ['men', 'dog', 'alligevel', 'selvom', 'skønt', 'imidlertid', 'derimod', 'omvendt', 'bortset'],
  it: ['ma', 'pero', 'tuttavia', 'eppure', 'invece', 'comunque', 'nonostante', 'sebbene', 'benche', 'mentre', 'anzi'],
};

/**
 * Words of a customer conversation that are not opinions: asking for support or help, saying thanks
 * or please. They carry no valence and no word feature of their own, so "Tak, jeg venter på svar" and
 * "Ho contattato l'assistenza, grazie" stay neutral; what is said around them decides.
 */
export const NON_OPINION: Record<ModelLanguage, readonly string[]> = {
  en: ['support', 'help', 'helpdesk', 'thanks', 'thank', 'thx', 'tnx', 'ty', 'please', 'pls', 'plz', 'service'],
  da: ['support', 'hjælp', 'hjælpe', 'tak', 'takk', 'venligst', 'kundeservice', 'service'],
  it: ['supporto', 'assistenza', 'aiuto', 'grazie', 'prego', 'favore', 'servizio', 'support', 'help'],
};

/** Hash sets, built once. */
const hashSet = (lists: Record<ModelLanguage, readonly string[]>, lang?: ModelLanguage): Set<number> => {
  const set = new Set<number>();
  for (const l of lang === undefined ? LANGUAGES : [lang]) for (const w of lists[l]) set.add(hashWord(w));
  return set;
};

export interface LanguageRules {
  negators: Set<number>;
  intensifiers: Set<number>;
  downtoners: Set<number>;
  contrast: Set<number>;
}

/** Rules used before the language is known: negators of every language, non-opinion words of every language. */
export const ANY_LANGUAGE = {
  negators: hashSet(NEGATORS),
  nonOpinion: hashSet(NON_OPINION),
  // Danish "dog" (however) is too often the English animal to count before the language is known.
  contrast: new Set([...hashSet(CONTRAST)].filter((h) => h !== hashWord('dog'))),
};

export const RULES: Record<ModelLanguage, LanguageRules> = {
  en: languageRules('en'),
  da: languageRules('da'),
  it: languageRules('it'),
};

function languageRules(lang: ModelLanguage): LanguageRules {
  return {
    negators: hashSet(NEGATORS, lang),
    intensifiers: hashSet(INTENSIFIERS, lang),
    downtoners: hashSet(DOWNTONERS, lang),
    contrast: hashSet(CONTRAST, lang),
  };
}

export const EMOTIONS = ['anger', 'joy', 'sadness', 'fear', 'surprise', 'trust'] as const;
export type PulseEmotion = (typeof EMOTIONS)[number];

/**
 * Emoji and emoticons: valence (−3..3) and the emotion they usually show. Written by hand for the
 * common ones; the model learns the rest from the training data. Emotion-less ones map to null.
 */
export const EMOJI: readonly [string, number, PulseEmotion | null][] = [
  ['😂', 1, 'joy'], ['🤣', 1, 'joy'], ['😍', 3, 'joy'], ['❤', 3, 'joy'], ['💕', 3, 'joy'], ['💖', 3, 'joy'], ['💗', 3, 'joy'],
  ['💓', 3, 'joy'], ['💞', 3, 'joy'], ['💘', 3, 'joy'], ['💝', 3, 'joy'], ['😘', 3, 'joy'], ['🥰', 3, 'joy'], ['😊', 2, 'joy'],
  ['☺', 2, 'joy'], ['😀', 2, 'joy'], ['😃', 2, 'joy'], ['😄', 2, 'joy'], ['😁', 2, 'joy'], ['😆', 2, 'joy'], ['😅', 1, 'joy'],
  ['🙂', 1, 'joy'], ['😉', 1, 'joy'], ['😋', 2, 'joy'], ['😎', 2, 'joy'], ['🤩', 3, 'joy'], ['🥳', 3, 'joy'], ['😻', 3, 'joy'],
  ['🎉', 3, 'joy'], ['🎊', 3, 'joy'], ['🥂', 2, 'joy'], ['🍾', 2, 'joy'], ['✨', 1, 'joy'], ['⭐', 2, 'joy'], ['🌟', 2, 'joy'],
  ['☀', 1, 'joy'], ['🌞', 2, 'joy'], ['💯', 2, 'joy'], ['🔥', 1, 'joy'], ['💪', 2, 'trust'], ['👍', 2, 'trust'], ['👌', 2, 'trust'],
  ['👏', 2, 'joy'], ['🙌', 2, 'joy'], ['🙏', 1, 'trust'], ['🤝', 2, 'trust'], ['✅', 1, 'trust'], ['✔', 1, 'trust'], ['💚', 2, 'joy'],
  ['💙', 2, 'joy'], ['💛', 2, 'joy'], ['💜', 2, 'joy'], ['🧡', 2, 'joy'], ['😇', 2, 'joy'], ['🤗', 2, 'joy'], ['😌', 1, 'joy'],
  ['😏', 0, null], ['🤔', 0, null], ['😐', -1, null], ['😑', -1, null], ['😶', 0, null], ['🙃', 0, null],
  ['😢', -2, 'sadness'], ['😭', -2, 'sadness'], ['😞', -2, 'sadness'], ['😔', -2, 'sadness'], ['😟', -2, 'sadness'],
  ['😕', -1, 'sadness'], ['🙁', -2, 'sadness'], ['☹', -2, 'sadness'], ['😩', -2, 'sadness'], ['😫', -2, 'sadness'],
  ['💔', -3, 'sadness'], ['😿', -2, 'sadness'], ['🥺', -1, 'sadness'], ['😪', -1, 'sadness'], ['😓', -1, 'sadness'],
  ['😠', -3, 'anger'], ['😡', -3, 'anger'], ['🤬', -4, 'anger'], ['😤', -2, 'anger'], ['👿', -3, 'anger'], ['💢', -2, 'anger'],
  ['👎', -2, 'anger'], ['😒', -2, 'anger'], ['🙄', -2, 'anger'], ['🖕', -3, 'anger'], ['🤮', -3, 'anger'], ['🤢', -3, 'anger'],
  ['💩', -2, 'anger'], ['🤦', -2, 'anger'], ['😣', -2, 'sadness'], ['😖', -2, 'sadness'],
  ['😱', -1, 'fear'], ['😨', -2, 'fear'], ['😰', -2, 'fear'], ['😧', -1, 'fear'], ['😬', -1, 'fear'], ['😥', -1, 'fear'],
  ['😮', 0, 'surprise'], ['😲', 0, 'surprise'], ['😯', 0, 'surprise'], ['🤯', 0, 'surprise'], ['😳', 0, 'surprise'], ['❗', 0, null],
  ['⁉', 0, 'surprise'], ['‼', 0, null], ['❌', -1, null], ['⚠', -1, 'fear'], ['😷', -1, null], ['🤒', -1, null],
];

/** Emoticons (the tokenizer's lower-case forms) with valence and emotion, beside AFINN's emoticon list. */
export const EMOTICON: readonly [string, number, PulseEmotion | null][] = [
  [':)', 2, 'joy'], [':-)', 2, 'joy'], [':]', 2, 'joy'], ['=)', 2, 'joy'], [':d', 3, 'joy'], [':-d', 3, 'joy'], ['=d', 3, 'joy'],
  ['xd', 2, 'joy'], [';)', 1, 'joy'], [';-)', 1, 'joy'], [';d', 2, 'joy'], [':p', 1, 'joy'], [':-p', 1, 'joy'], [';p', 1, 'joy'],
  ['<3', 3, 'joy'], ['^^', 2, 'joy'], ['^_^', 2, 'joy'], [':*', 2, 'joy'], [':-*', 2, 'joy'],
  [':(', -2, 'sadness'], [':-(', -2, 'sadness'], [':[', -2, 'sadness'], ['=(', -2, 'sadness'], [":'(", -3, 'sadness'],
  [":'-(", -3, 'sadness'], ['</3', -3, 'sadness'], [':/', -1, null], [':-/', -1, null], [':\\', -1, null], [':|', -1, null],
  [':-|', -1, null], ['-_-', -1, 'anger'], ['-.-', -1, 'anger'], ['>:(', -3, 'anger'], ['>:-(', -3, 'anger'], [':@', -3, 'anger'],
  [':-@', -3, 'anger'], [':o', 0, 'surprise'], [':-o', 0, 'surprise'], [':s', -1, 'fear'], [':-s', -1, 'fear'],
];

/** Emoji and emoticons by token hash: valence (−1..1) and emotion index (−1: none). */
export const SYMBOLS: ReadonlyMap<number, { valence: number; emotion: number }> = (() => {
  const m = new Map<number, { valence: number; emotion: number }>();
  for (const [s, v, e] of [...EMOJI, ...EMOTICON]) m.set(hashWord(s), { valence: v / 3, emotion: e === null ? -1 : EMOTIONS.indexOf(e) });
  return m;
})();

