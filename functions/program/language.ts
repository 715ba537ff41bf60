/**
 * A per-message language guess, English or Spanish, for the language of a reply. Text messages are
 * short ("me pegó", "ayuda"), too short for letter n-gram guessers (which want a sentence or more), so
 * this counts words only one of the two languages uses, plus Spanish spelling (ñ, ¿, ¡, accents) and
 * endings. Plain TypeScript, no data files.
 */

/** The language a message is written in, for the language of the reply. */
export type MessageLanguage = 'en' | 'es';

// Words common in one language and rare in the other (no "me", "no", "a", "he", "son", "mi": both).
const SPANISH = new Set(
  (
    'que de el la los las y en por para con es esta estoy esto eso quiero pego pega golpea ayuda ayudame ' +
    'auxilio socorro hijos hijas ninos nino miedo matar morir vivir pero muy tengo tiene una un lo se le les ' +
    'ya mas todo todos nada porque cuando como si el ella yo tu su sus hoy ayer anoche casa otra otro vez ' +
    'semana bien mal hace hizo dijo dice va voy puedo siento creo hay del al sin sobre fue ser estar solo ' +
    'aqui favor gracias hola esposo esposa novio novia marido pareja celular dinero quiere deja salir sigue ' +
    'revisa amenaza mata muero quiero dormir despertar pastillas mejor ahora nunca jamas tambien pues mucho ' +
    'mucha poco algo alguien nadie siempre donde porfa tiempo dia noche mama papa hermana trabajo mensajes ' +
    'llorar cansada cansado triste sola solo seguir sentido vida muerte contigo conmigo nos os estan estaba ' +
    'mis tus ese esa hablar hablamos peleamos discutimos juntos entre hasta desde ni vamos familia segura ' +
    'seguro salvo relaciones sexo ha han pegado golpeado siempre nadie'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the i im am is are he she my to and of it you we was not want help this that with for have be his ' +
    'her him they on at in so but just dont cant can will would what like get got do did been had again week ' +
    'today night kids wife husband please now out up all feel know think about when if or from there their ' +
    'our us your an one yes very really because going gonna wanna its thats whats hes shes ive ill id ' +
    'said says told tell going been being after before time day home back still only also then than them ' +
    'would could should where who why how much more some any every never always better worse good bad ' +
    'love hate talk talked fight fought hit hurt kill die dead scared afraid safe help here there where more ' +
    'some home one gone done alone before anymore like please sure come time life take make give made have ' +
    'alive anyone someone everyone leave care too also ago idea drama than can man came gave'
  ).split(' '),
);

const CLITICS = new Set(['me', 'te', 'nos', 'le', 'les', 'lo', 'la', 'se']);

/**
 * The language a message is most likely in (for the crisis reply's language); `unsure` ('en' unless
 * told otherwise, e.g. the language of the pattern that matched) when the words do not tell.
 */
export function guessLanguage(text: string, unsure: MessageLanguage = 'en'): MessageLanguage {
  const lower = text.slice(0, 2000).toLowerCase();
  let es = /[ñ¿¡]/.test(lower) ? 2 : 0;
  let en = 0;
  if (/[áéíóú]/.test(lower)) es += 1;
  const plain = lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
  plain.forEach((word, i) => {
    // A Spanish clitic before a verb: "me violó", "me forzó", "nos amenaza".
    const next = plain[i + 1] ?? '';
    if (CLITICS.has(word) && !ENGLISH.has(next) && /(?:o|a|aba|aron|ado|ada|ido|ia|an|as|e)$/.test(next))
      es += 1;
    if (SPANISH.has(word)) es += 1;
    else if (ENGLISH.has(word)) en += 1;
    else if (/(?:cion|mente|arme|erme|irme|ando|iendo|aron|ieron|amos|aba|ado|ada|ido|ida)$/.test(word))
      es += 0.5;
    else if (/(?:ing|ed|ly|th|ght|ss)$/.test(word) || /^(?:wh|th)/.test(word)) en += 0.5;
  });
  return es > en ? 'es' : en > es ? 'en' : unsure;
}
