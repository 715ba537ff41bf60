/**
 * Spanish danger and concern patterns, read over `normaliseSpanish`. Written in plain spelling without
 * accents; they are folded by sound when compiled (`spanishPattern`: h, v/b, z/c/s, ll/y, qu/k), so keep
 * those letters next to each other ("quiero", never "qu(?:iero)"). Spanish drops the subject, so a clitic
 * and a verb stem do the work of English's person + verb: "me pegó", "me golpeaba", "me ha empujado".
 * Verbs are matched by stem, every tense at once ("golpe\w*"); the idioms that share them ("me pegó un
 * susto", "me mata la culpa", "me muero de ganas") are named and left out.
 */
import type { SafetyRule } from './safety-rule';

const any = (...alternatives: string[]) => `(?:${alternatives.join('|')})`;

/** A negation word, with up to two words before the verb: "nunca me ha pegado", "ya no me amenaza". */
const NOT_NEGATED = '(?<!\\b(?:no|nunca|jamas|ni|tampoco|not|never)(?: \\w+){0,2} )';
/** "se me pegó la canción" (stuck to me) is no blow. */
const NOT_SE = '(?<!\\bse )';
/** Not a thing, an animal or a child as the subject: "el ejercicio me pegó fuerte", "el perro me mordió". */
const NOT_THING = `(?<!\\b(?:${[
  'ejercicio',
  'noticia',
  'tarea',
  'sesion',
  'pelicula',
  'cancion',
  'libro',
  'carta',
  'verdad',
  'realidad',
  'recuerdo',
  'gripe',
  'sol',
  'frase',
  'pregunta',
  'leccion',
  'video',
  'texto',
  'mensaje',
  // "perro" squeezes to "pero" (but): the dog only after a determiner, or "pero me pegó" goes unheard.
  '(?:el|la|mi|su|tu|un|del|al|nuestro|este|ese) perro',
  'perrito',
  'perra',
  'gato',
  'gatito',
  'gata',
  'bebe',
  'mosquito',
  'mosquitos',
  'pelota',
  'puerta',
  'ola',
  'viento',
  'eso',
  'esto',
  'correo',
  'email',
  'paso',
  'programa',
  'terapia',
  'lectura',
  'diario',
  'trafico',
  'balon',
  'pistola de agua',
].join('|')})(?: \\w+){0,4} )`;
/**
 * A game, a sport or play around the blow, a few words either side: "me dieron una patada jugando fútbol",
 * "me dio una paliza en el ajedrez", "me disparó con la pistola de agua", "mi hija me jaló del pelo jugando".
 */
const GAME = any(
  'jugando',
  'jugar',
  'jugamos',
  'juego',
  'partido',
  'futbol',
  'basquet',
  'beisbol',
  'voley',
  'tenis',
  'ajedrez',
  'boliche',
  'domino',
  'cartas',
  'videojuego\\w*',
  'play',
  'fortnite',
  'paintball',
  'pistola de agua',
  'guerra de almohadas',
  'boxeo',
  'karate',
  'jiu jitsu',
  'clase de \\w+',
  'el balon',
  'la pelota',
  'un codazo',
);
const NOT_GAME = `(?<!\\b${GAME}(?: \\w+){0,6} )(?!(?:\\w+ ){0,8}${GAME}\\b)`;
/**
 * A blow to the feelings, the schedule or the pocket: "el jefe me está ahorcando con los plazos", "me
 * disparó mil preguntas", "me pegó duro leer la carta".
 */
const NOT_FIGURATIVE = `(?!(?: \\w+){0,2} (?:con|de|en) (?:los |las |el |la |tantos |tantas |tanto |tanta |sus |mis )?${any(
  'plazos',
  'deudas',
  'cuentas',
  'tareas',
  'pendientes',
  'pagos',
  'gastos',
  'papeles',
  'papeleo',
  'preguntas',
  'correos',
  'mensajes',
  'reclamos',
  'quejas',
  'exigencias',
  'horarios',
  'examenes',
  'impuestos',
  'trabajo',
  'chamba',
  'pega',
  'orgullo',
  'ego',
)}\\b)(?! (?:mil|cien|mas|muchas|un monton de|tantas) preguntas\\b)(?! (?:duro|fuerte|hondo) (?:leer|ver|saber|escuchar|oir|darme cuenta|en el buen sentido|a los dos)\\b)(?!(?: \\w+){0,3} en el buen sentido\\b)`;
/** Auxiliaries between the clitic and the verb: "me ha pegado", "me volvió a pegar", "me sigue golpeando". */
const AUX =
  '(?:(?:ha|han|habia|habian|a|volvio a|vuelve a|volvio|sigue|siguio|estaba|esta|acaba de|trato de|intento|quiso|quiere|empezo a|comenzo a|suele)\\s)?';
/** Verb stems of blows, every tense (folded by sound when compiled). */
const BLOW_STEM = any(
  'peg(?!ue\\b)\\w*',
  'golp(?!ee\\b)\\w*',
  'empuj\\w*',
  'pate\\w*',
  'cachete\\w*',
  'abofete\\w*',
  'ahorc\\w*',
  'ahorqu\\w*',
  'estrangul\\w*',
  'asfixi\\w*',
  'ahog(?!o\\b)\\w*',
  'muerd\\w*',
  'mordi\\w*',
  'quem(?!e\\b)\\w*',
  'arrastr\\w*',
  'agred\\w*',
  'maltrat\\w*',
  'madre\\w*',
  'sacude',
  'sacudio',
  'zarande\\w*',
  'apuñal\\w*',
  'acuchill\\w*',
  'apuñale\\w*',
  'disparo',
  'dispara',
  'atac\\w*',
  'lastimo (?:el|la|los|las|mi|mis) \\w+',
  'araño',
  'araña',
  'rasguño',
  'jalo (?:del|el|de los|los|las|la|mi|mis) (?:pelo|cabello|brazo|brazos)',
  'jala (?:del|el|de los|los|las|la|mi|mis) (?:pelo|cabello|brazo|brazos)',
  'jalon\\w* (?:del|el|de los|los|las|la|mi|mis) (?:pelo|cabello|brazo|brazos)',
  'tiro del (?:pelo|cabello)',
  'tira del (?:pelo|cabello)',
  'agarr\\w* (?:del|por el|de la|por la|de los|por los) (?:cuello|pelo|cabello|brazo|brazos|garganta)',
  'apret\\w* (?:el|la) (?:cuello|garganta)',
  'tiro al (?:suelo|piso)',
  'tir\\w* contra (?:la|el) (?:pared|piso|suelo|puerta|mesa|carro|ventana|cama)',
  'avent\\w* contra (?:la|el) (?:pared|piso|suelo|puerta|mesa|carro|ventana|cama)',
  'tumb\\w* al (?:suelo|piso)',
  'tumb\\w* de un (?:golpe|punetazo|empujon|madrazo)',
  'derrib\\w*',
  'zamarre\\w*',
  'tap\\w* (?:la boca y la nariz|la nariz y la boca|la boca)',
  'aviento contra',
  'estrello contra',
);
/** Idioms after "me pegó", "me dio": a scare, a cold, a song, a hug. */
const NOT_IDIOM_OBJECT = `(?! (?:(?:un|una|el|la|los|las|sus|mis|tremendo|tremenda|buen|buena|gran|menudo|menuda|flor de|tal) ){0,2}${any(
  'susto',
  'sustos',
  'gripe',
  'gripa',
  'piojos',
  'resfriado',
  'resfrio',
  'cancion',
  'sol',
  'costumbre',
  'virus',
  'covid',
  'idea',
  'risa',
  'sticker\\w*',
  'dibujo',
  'papel',
  'nota',
  'foto',
  'calcomania',
  'pelotazo',
  'pelota',
  'balonazo',
  'chicle',
  'mania',
  'acento',
  'grito',
  'gritos',
  'bostezo',
  'bajon',
  'fuerte la noticia',
  'realidad',
  'verdad',
  'noticia',
  'nostalgia',
  'tristeza',
  'depresion',
  'vida',
  'la noticia',
  'en el orgullo',
  'de lleno',
  'duro la noticia',
)}\\b)`;
const HITS_NOUN = any(
  'cachetada',
  'cachetadas',
  'bofetada',
  'bofetadas',
  'paliza',
  'palizas',
  'golpiza',
  'golpe',
  'golpes',
  'punetazo',
  'punetazos',
  'patada',
  'patadas',
  'trompada',
  'trompadas',
  'pina',
  'pinas',
  'madrazo',
  'madrazos',
  'madriza',
  'chingadazo',
  'cabezazo',
  'sopapo',
  'sopapos',
  'cintarazo',
  'cinturonazo',
  'cintarazos',
  'manotazo',
  'manotazos',
  'empujon',
  'empujones',
  'codazo',
  'rodillazo',
  'tortazo',
  'guantazo',
  'hostia',
  'hostias',
  'ostia',
  'ostias',
  'leche',
  'torta',
  'bofeton',
  'castana',
  'trancazo',
  'cachetadon',
  'cacheton',
  'chingadazos',
  'galleta',
  'chachetada',
  'zape',
  'tunda',
  'putazo',
  'vergazo',
);
const BODY = any(
  'nariz',
  'brazo',
  'brazos',
  'costilla',
  'costillas',
  'mandibula',
  'diente',
  'dientes',
  'dedo',
  'dedos',
  'labio',
  'cara',
  'cabeza',
  'muneca',
  'munecas',
  'cuello',
  'garganta',
  'espalda',
  'pierna',
  'piernas',
  'ojo',
  'ojos',
  'estomago',
  'panza',
  'pecho',
  'hombro',
  'oreja',
  'boca',
  'pelo',
  'cabello',
);
const THROWN = any(
  'vaso',
  'vasos',
  'plato',
  'platos',
  'silla',
  'botella',
  'taza',
  'celular',
  'telefono',
  'zapato',
  'zapatos',
  'cuchillo',
  'piedra',
  'lampara',
  'sarten',
  'control',
  'libro',
  'cosas',
  'objetos',
  'olla',
  'mesa',
  'cenicero',
  'jarra',
  'florero',
  'tijeras',
  'martillo',
);
const WEAPON = any(
  'cuchillo',
  'pistola',
  'arma',
  'navaja',
  'cinturon',
  'correa',
  'palo',
  'bate',
  'machete',
  'escopeta',
  'rifle',
  'tijeras',
  'martillo',
  'revolver',
);
const KIDS =
  '(?:al|(?:a )?(?:los|mis|nuestros|nuestras|las|mi|el|la)) (?:ninos|nino|hijos|hijo|hija|hijas|bebe|bebes|nenes|nena|nene|chamacos|criaturas|chicos|nina|ninas|chicas|peques)';

const rules = (
  level: SafetyRule['level'],
  category: SafetyRule['category'],
  kind: string,
  patterns: string[],
  extra: Partial<SafetyRule> = {},
): SafetyRule[] => patterns.map((pattern) => ({ level, category, kind, pattern, ...extra }));

const NOT_DEATH_IDIOM = `(?! de (?:la |los |las |el )?${any(
  'verguenza',
  'risa',
  'ganas',
  'hambre',
  'sueno',
  'frio',
  'calor',
  'amor',
  'pena',
  'celos',
  'envidia',
  'aburrimiento',
  'nervios',
  'cansancio',
  'curiosidad',
  'emocion',
  'alegria',
  'sed',
)}\\b)(?! por (?:verte|ver|saber|ir|estar|tenerte|abrazarte)\\b)(?! ni nada\\b)(?! antes (?:que|de) (?:otra|otro|ir|ver|volver|tener|hacer)\\b)`;

const SELF_HARM: SafetyRule[] = [
  ...rules('danger', 'self-harm', 'direct', [
    `${NOT_NEGATED}\\bsuicid\\w*\\b(?! (?:prevention|hotline|awareness|storyline|story line|plot|episode|scene|documentary|rates?|bomber|squad|de (?:la|un|una) (?:serie|pelicula|novela|personaje|cancion)|en (?:la|una|el|un) (?:serie|pelicula|novela|libro|documental|noticia\\w*))\\b)`,
    `\\b(?:me quiero|quiero|quisiera|deseo|tengo ganas de|ganas de|me dan ganas de|voy a|pienso en|pensando en|he pensado en|pienso|quiero|debería|deberia|prefiero|me gustaria) (?:\\w+ )?(?:morir|morirme|matarme|suicidarme|quitarme la vida|acabar con mi vida|terminar con mi vida|dejar de existir|dejar de vivir|cortarme|hacerme dano|lastimarme|colgarme|ahorcarme|envenenarme|tirarme (?:del|de un|de una|al|a las|a la|por la) \\w+|aventarme|desaparecer para siempre|estar muerta|estar muerto)\\b${NOT_DEATH_IDIOM}`,
    `\\bme quiero morir\\b${NOT_DEATH_IDIOM}`,
    '\\bme (?:quiero|quisiera|voy a|dan ganas de|gustaria|pienso|deberia|tengo que|pense en|queria|quise|intente) (?:\\w+ )?(?:matar|suicidar|quitar la vida|cortar las venas|ahorcar|colgar|envenenar|tirar (?:del|de un|de una|de la|al|a las|por la) (?:puente|edificio|tren|metro|vacio|balcon|azotea|techo|rio|carretera|ventana|precipicio|barranco))\\b(?! (?:estudiando|trabajando|de risa|a trabajar|en el (?:gym|gimnasio|trabajo)|por (?:ti|el|ella|mis hijos|terminar))\\b)',
    '\\bya no quiero estar (?:aqui|en este mundo|viva|vivo)\\b(?! (?:con|en (?:esta|este) (?:casa|relacion|matrimonio|programa))\\b)',
    '\\b(?:no|ya no) (?:quiero|tengo ganas de|deseo) (?:seguir )?(?:vivir|viviendo|estar viva|estar vivo|existir|despertar|seguir aqui|seguir en este mundo|con vida|seguir con vida|estar con vida)\\b',
    '\\b(?:pienso|pensando|pense|pensar) (?:mucho |siempre )?en (?:la muerte|morir|morirme|matarme|suicidarme|mi muerte|mi funeral)\\b',
    '\\b(?:no tengo|ya no tengo|sin|no hay) (?:ninguna )?(?:razon|razones|motivo|motivos|ganas) (?:para|de) (?:vivir|seguir viviendo|seguir aqui|existir)\\b',
    '\\bojala (?:me muriera|me muera|me muero|estuviera muerta|estuviera muerto|no despertara|no existiera|no hubiera nacido)\\b|\\bdormir para siempre\\b',
    '\\bquitarme la vida\\b|\\b(?:acabar|terminar) con (?:mi vida|todo|todo esto de una vez|mi existencia)\\b(?! (?:lo que|el|la|las|los)\\b)',
    '\\bme voy a matar\\b(?! (?:estudiando|trabajando|de risa|a trabajar|en el gym|en el gimnasio)\\b)',
    '\\bme (?:corte|corto|cortaba|estoy cortando|he cortado|sigo cortando|volvi a cortar|vuelvo a cortar) (?:las venas|los brazos|las piernas|las munecas|la muneca|los muslos|otra vez|de nuevo)\\b',
    '\\b(?:cortarme|me corto|me corte) (?:las venas|las munecas)\\b',
    '\\bme (?:hago|hice|sigo haciendo) dano (?:a mi misma|a mi mismo|yo sola|yo solo|otra vez|de nuevo)\\b|(?<!\\bno )\\bme estoy haciendo dano\\b(?! (?:en|con) (?:el|la)\\b)',
    '\\bme (?:quiero|voy a|vuelvo a|volvi a) cortar\\b(?! (?:(?:el|la|las|los|mi|mis|un|una) )?(?:pelo|cabello|flequillo|unas|barba|fleco|dedo|pan|cebolla)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\bpara (?:que|k) (?:seguir|vivir|sigo|sigo viviendo|seguir viviendo|estoy aqui|despertar)\\b(?! (?:con|en|intentando|aqui con|juntos|casados|hablando|peleando)\\b)',
    '\\b(?:ya )?nada tiene sentido\\b|\\bno le (?:veo|encuentro) sentido a (?:la vida|nada|seguir|vivir|mi vida)\\b|\\b(?:la|mi) vida no tiene sentido\\b|\\bya no tiene sentido (?:vivir|seguir|nada)\\b',
    '\\b(?:estarian|estaria|estaran|estan|estarias|vivirian) (?:todos )?mejor sin mi\\b|\\bmejor (?:estar )?muert[ao]\\b|\\bmejor si (?:no existiera|me muero|desaparezco|no estuviera)\\b',
    '\\b(?:quisiera|quiero|ojala|ojala pudiera|me gustaria) no (?:despertar|volver a despertar|existir|haber nacido)\\b|\\bdormir(?:me)? y no despertar\\b|\\bno despertar (?:nunca|jamas|mas)\\b|\\bno quiero despertar\\b',
    '\\bdesaparecer (?:para siempre|y no volver|de este mundo|del mundo|de la faz)\\b',
    // As English's "want to disappear" (a participant walkthrough, 2026-12-07): not for a while, nor from somewhere.
    // Wanting to vanish from everything, or for good, even after a group or a chat: "quiero desaparecer del grupo y de todo para siempre".
    '\\b(?:quiero|quisiera|me quiero|solo quiero|nada mas quiero|ojala pudiera|me gustaria|tengo ganas de) desaparecer(?:me)?\\b(?: \\w+){0,6} (?:de todo|para siempre)\\b(?! (?:el|la|los|las|lo)\\b)',
    '\\b(?:quiero|quisiera|me quiero|solo quiero|nada mas quiero|ojala pudiera|me gustaria|tengo ganas de) desaparecer(?:me)?\\b(?! (?:un rato|unos dias|un dia|el fin de semana|por un tiempo|del trabajo|de aqui|de las redes|de redes|de facebook|de instagram|de tiktok|de twitter|de internet|de whatsapp|del grupo|del chat|de los chats|de la fiesta|de la reunion)\\b)',
    '\\b(?:estarian|estarias|estaria|estarán|vivirian|serian|seria|sería|es|todo seria) (?:todos )?(?:mejor|mas facil|mas felices) (?:para (?:todos|ustedes|mi familia|mis hijos|el|ella) )?si (?:yo )?(?:no estuviera|no existiera|me muero|me muriera|muero|desaparezco|me fuera para siempre|no estoy|no hubiera nacido|ya no estoy)\\b',
    '\\b(?:ya )?no tiene sentido (?:seguir|vivir|nada|la vida|mi vida|despertar)\\b(?! (?:peleando|discutiendo|hablando|con|intentando|asi con|juntos|casados|en esta relacion)\\b)',
    '\\b(?:ya )?no vale la pena (?:vivir|seguir viviendo|estar viva|estar vivo|la vida)\\b|\\bla vida no vale la pena\\b',
    '\\bya no (?:voy a|vas a) (?:estar|molestar|ser un problema)(?: (?:aqui|mas|para nadie|con ustedes|por mucho tiempo))? $',
    '\\bmejor (?:me muero|morirme|muerta|muerto|me mato|me voy para siempre|desaparezco)\\b(?! de (?:risa|hambre|sueno|verguenza|la risa)\\b)',
    '\\bsoy una carga\\b(?! para mi (?:misma|mismo)\\b)|\\bsolo (?:soy|seria) una carga\\b',
    '\\b(?:nadie|ninguno) (?:me )?(?:va a |iba a )?(?:extranaria|extranar|extrana|notaria|notaria si|notar|echaria de menos|echar de menos|va a echar de menos)\\b',
    '\\b(?:no tengo|sin) (?:por|para) (?:que|ke) (?:vivir|seguir viviendo|seguir aqui|seguir)\\b|\\b(?:por|para) (?:que|ke) (?:vivir|seguir viviendo)\\b',
    '\\bcansad[ao] de vivir\\b|\\bno aguanto (?:la vida|vivir|mas esta vida)\\b',
    '\\bya no (?:voy a|estare|estaria) (?:aqui|estar aqui|molestar) (?:mucho tiempo|por mucho|manana)\\b',
  ]),
  ...rules('danger', 'self-harm', 'plan', [
    '\\b(?:tengo|hice|ya tengo) (?:un|el) plan para (?:acabar|matarme|morir|terminar|suicidarme|quitarme)\\b',
    '\\b(?:ya )?(?:se|decidi|tengo decidido|elegi|pense) (?:como|cuando|donde) (?:me voy a matar|lo voy a hacer|hacerlo|matarme|acabar con todo)\\b',
    '\\bme voy a (?:tirar|aventar|lanzar) (?:del|de un|de una|al|a las|de la|desde el|desde la) \\w+',
    '\\b(?:busque|buscando|investigue|investigando) (?:como|formas de) (?:morir|matarme|suicidarme)\\b',
  ]),
  ...rules('danger', 'self-harm', 'means', [
    '\\b(?:tengo )?(?:guardadas|guardado|guardando|junte|juntando|acumulando|acumule|escondidas) (?:las |unas |mis |muchas |varias )?(?:pastillas|pildoras|medicinas|cuchillas|navajas)\\b',
    '\\b(?:compre|tengo|consegui) (?:una )?(?:soga|cuerda|navaja|cuchilla)\\b(?! (?:para (?:el|la) (?:jardin|tendedero|ropa)))',
    '\\b(?:usarla|usarlo|usarlas) (?:conmigo|contra mi)\\b|\\b(?:usar\\w*|hacerlo|hacer eso|probar\\w*|intentar\\w*|pistola|arma|cuchillo|navaja|soga|pastillas)(?: \\w+){0,3} conmigo mism[ao]\\b',
    '\\bme (?:tome|tomare|voy a tomar|tomo) (?:todas las|todo el frasco de|un frasco de|muchas|una caja de|un monton de|la caja de|el bote de|todas mis) (?:pastillas|pildoras|medicinas|pastas)\\b',
    // "tomé muchas pastillas" without the "me", as English's "I took a bunch of pills"; not for a cold or a headache.
    '\\b(?:tome|trague|me trague) (?:todas las|todo el frasco de|un frasco de|muchas|una caja de|un monton de|la caja de|el bote de|todas mis|un punado de) (?:pastillas|pildoras|medicinas|pastas)\\b(?! (?:para (?:el|la|los|las|mi) (?:dolor|gripa|gripe|cabeza|fiebre|alergia|alergias|presion|tos|estomago|resfriado)|del doctor|que me recetaron)\\b)',
    '\\bsobredosis\\b',
  ]),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\besta es mi despedida\\b|\\b(?:adios|chao) (?:a todos|para siempre|mundo)\\b|\\bme despido de (?:todos|ustedes)\\b',
    '\\badios\\b.*\\b(?:perdon\\w*|los quiero|las quiero|para siempre|cuiden)\\b|\\b(?:perdon\\w*|los quiero|las quiero)\\b.*\\badios\\b',
    '\\bcuiden (?:a|de) mis (?:hijos|ninos|hijas|perros|gatos)\\b',
    '\\b(?:mi )?ultima carta\\b|\\bmi ultimo mensaje\\b|\\beste es (?:mi )?(?:el )?ultimo mensaje\\b',
    '\\bperdon(?:enme|ame)? por todo\\b.*\\b(?:adios|me voy|los quiero|para siempre)\\b',
    '\\b(?:carta|cartas|nota) de despedida\\b',
  ]),
  ...rules('danger', 'self-harm', 'past-act', [
    '\\b(?:intente|trate de|quise|intento de|intentos de) (?:suicidarme|matarme|quitarme la vida|suicidio|ahorcarme|colgarme|cortarme las venas|tirarme|envenenarme|aventarme)\\b',
  ]),
  ...rules('danger', 'self-harm', 'other-person', [
    '\\b(?:se va a|se quiere|amenaza con|amenazo con|dice que se va a) (?:matar|suicidar|quitar la vida|hacer dano)\\b',
  ]),
];

/**
 * Who or what "kills" in an idiom: a thing, a team, a boss, a parent ("este tráfico me va a matar", "el
 * América me va a matar de un coraje", "mi jefe me mata si llego tarde"), up to three words before.
 */
const NOT_IDIOM_KILLER = `(?<!\\b${any(
  'trafico',
  'trabajo',
  'calor',
  'frio',
  'jefe',
  'jefa',
  'mama',
  'madre',
  'papa',
  'padre',
  'suegra',
  'suegro',
  'abuela',
  'abuelo',
  'examen',
  'tarea',
  'tareas',
  'cuenta',
  'cuentas',
  'renta',
  'dieta',
  'gym',
  'gimnasio',
  'equipo',
  'america',
  'chivas',
  'madrid',
  'barca',
  'boca',
  'river',
  'partido',
  'torneo',
  'semana',
  'lunes',
  'horario',
  'estres',
  'ansiedad',
  'curiosidad',
  'espera',
  'clase',
  'escuela',
  'proyecto',
  'mudanza',
  'deuda',
  'deudas',
  'factura',
  'tarjeta',
  'comida',
  'picante',
  'dolor',
  'espalda',
  'cabeza',
  'viaje',
  'vuelo',
  'serie',
  'novela',
  'final',
  'temporada',
  'maestra',
  'maestro',
  'profe',
  'cafe',
  'ninos',
  'nenes',
)}(?: \\w+){0,3} )`;
/** "me va a matar de un coraje", "me mata de risa": a feeling, not a threat. */
const NOT_KILLED_BY_FEELING = `(?! de (?:un |una |la )?${any('coraje', 'risa', 'hambre', 'sueno', 'susto', 'verguenza', 'aburrimiento', 'cansancio', 'estres', 'nervios', 'calor', 'frio', 'pena', 'ansiedad', 'tristeza', 'rabia', 'infarto', 'colera', 'ternura', 'amor', 'celos', 'curiosidad', 'emocion')}\\b)`;

const ABUSE: SafetyRule[] = [
  ...rules('danger', 'abuse', 'physical', [
    `${NOT_NEGATED}${NOT_SE}${NOT_THING}${NOT_GAME}\\b(?:me|nos) ${AUX}${BLOW_STEM}\\b${NOT_IDIOM_OBJECT}${NOT_FIGURATIVE}(?! a (?:ir|hacer|buscar|ser|mejorar|intentar|seguir|cambiar|tomar|hablar|estudiar|pedir|salir adelante|la terapia|terapia|abrirme|perdonar)\\b)(?!(?: \\w+){0,3} para (?:que no|ayudarme|detenerme|no caer|cruzar|salvarme|abrazarme|consolarme)\\b)`,
    `${NOT_NEGATED}${NOT_GAME}\\b(?:me|nos) (?:dio|da|daba|dieron|ha dado|han dado|dan|volvio a dar|pego|pega) (?:una |un |otra |otro |tremenda |tremendo |la |el |varias |varios |muchos |muchas |unos |unas )?${HITS_NOUN}\\b(?! de (?:realidad|suerte|efecto|estado|calor|gracia|suerte)\\b)(?! (?:emocional|mental|psicologica)\\b)`,
    `${NOT_NEGATED}${NOT_GAME}\\b(?:me|nos) (?:dio|da|daba|dieron|ha dado|han dado|dan|agarr(?!e\\b)\\w* a|cayo a|caia a|cae a) (?:de )?(?:golpes|patadas|punetazos|cachetadas|bofetadas|trompadas|pinas|madrazos|chingadazos)\\b`,
    `${NOT_NEGATED}\\b(?:me|nos) (?:puso|pone|ha puesto|pusieron|volvio a poner|levanto|levanta|ha levantado) (?:la|las) manos? (?:encima)?\\b`,
    `${NOT_NEGATED}\\bme (?:rompio|rompe|ha roto|fracturo|disloco|partio|reviento|revento|abrio) (?:la|el|los|las|un|una) ${BODY}\\b`,
    '\\bme (?:dejo|deja|ha dejado) (?:toda |todo )?(?:morada|morado|moreteada|moreteado|golpeada|golpeado|marcada|marcado|sangrando|ensangrentada)\\b',
    `\\b(?:me|le) (?:dejo|deja|ha dejado|dejaron) (?:\\w+ )?(?:moretones|moretes|marcas|morados|hematomas|cicatrices|el ojo morado|los ojos morados|sangrando|inconsciente)\\b`,
    '\\btengo (?:\\w+ )?(?:moretones|moretes|morados|hematomas) (?:\\w+ ){0,4}(?:por|de) (?:el|ella|su culpa|sus golpes)\\b',
    `${NOT_NEGATED}\\b(?:me|nos) (?:maltrata|maltrato|maltrataba|golpea|agrede|agredio|violenta|violento)\\b`,
    '\\b(?:violencia (?:domestica|familiar|intrafamiliar|de genero)|maltrato fisico|me maltrata)\\b',
    `${NOT_NEGATED}\\b(?:es|se pone|se puso|ha sido) (?:muy )?(?:violento|violenta|agresivo|agresiva) conmigo\\b`,
    // With the children, and an injury told now (a participant walkthrough, 2026-12-07).
    '\\b(?:estoy|sigo|sigo estando) sangrando\\b(?! (?:de la nariz por el calor|por la regla|de las encias)\\b)',
    '\\b(?:tengo|me salieron|me quedaron|estoy llena de|estoy lleno de) (?:\\w+ )?(?:moretones|moretes|hematomas)\\b(?! (?:del|de la|por el|por la) (?:gimnasio|futbol|partido|caida|bici|bicicleta|ejercicio|entrenamiento|golpe con la mesa)\\b)',
    `${NOT_GAME}\\b(?:me golpeo|me pego|me golpea|me pega)${NOT_FIGURATIVE} (?:en|con) (?:la|el|los|las|su) \\w+`,
  ]),
  ...rules('danger', 'abuse', 'object', [
    `\\b(?:me|nos) (?:lanzo|lanza|lanzaba|tiro|tira|tiraba|avento|avienta|aventaba|arrojo|arroja|ha tirado|ha lanzado|ha aventado) (?:un|una|el|la|los|las|su|sus|mi|mis)? ?${THROWN}\\b`,
    `\\b(?:me|nos) (?:amenaz\\w*|peg\\w*|golp\\w*|apunt\\w*|ataco|ataca|persiguio|persigue|corrio|amago) (?:\\w+ ){0,2}con (?:un|una|el|la|su) ${WEAPON}\\b`,
    `\\bme (?:apunto|apunta|apuntaba)\\b`,
    '\\bme (?:enseno|ensena|mostro|muestra|saco|saca) (?:la|el|su|una|un) (?:pistola|arma|cuchillo|navaja|machete|escopeta)\\b',
    `\\b(?:me )?(?:puso|pone|ponia) (?:un|el|una|la|su) (?:cuchillo|pistola|arma|navaja) (?:en|sobre|contra) (?:el cuello|la cabeza|la garganta|el pecho|mi)\\b`,
    `\\b(?:saco|saca|tiene|compro|trae|agarro) (?:un|una|el|la|su) (?:pistola|arma|cuchillo|navaja|machete)\\b(?! (?:para (?:cocinar|la cocina|cortar)))`,
    `\\b(?:rompio|rompe|avento|tiro|destrozo|estrello) (?:mi|el) (?:celular|telefono|cosas)\\b(?<!se me rompio el (?:celular|telefono))`,
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      `(?<!\\bmi (?:mama|madre|papa|padre|jefe|jefa|hermana|hermano|suegra|suegro|abuela|abuelo|tia|tio) (?:\\w+ )?)${NOT_IDIOM_KILLER}${NOT_GAME}\\b(?:me|nos) (?:va|iba|van|iban|quiere|queria|quieren|piensa|pensaba|dijo que (?:me|nos) (?:va|iba)|dice que (?:me|nos) (?:va|iba)|esta por|amenazo con|amenaza con) a? ?(?:matar|ahorcar|golpear|pegar|romper|desaparecer|quemar|hacer dano|lastimar|partir la (?:cara|madre)|dar una paliza|enterrar|apunalar|disparar|acuchillar)\\b${NOT_KILLED_BY_FEELING}${NOT_FIGURATIVE}`,
      `\\b(?:va a|quiere|iba a|van a|amenaza con|amenazo con|amenazaba con|piensa|dijo que va a|dice que va a|me va a|me quiere) (?:matarme|ahorcarme|golpearme|pegarme|lastimarme|hacerme dano|desaparecerme|quemarme|acuchillarme|dispararme)\\b`,
      `${NOT_IDIOM_KILLER}\\b(?:si|cuando) (?:\\w+ ){1,7}(?:me|nos) (?:mata|matara|mataria|va a matar|matan)\\b${NOT_KILLED_BY_FEELING}|${NOT_IDIOM_KILLER}\\bme (?:mata|matara|mataria) (?:si|cuando)\\b`,
      `${NOT_NEGATED}\\b(?:me|nos) amenaz\\w*\\b(?! con (?:irse|dejarme|el divorcio|divorciarse|divorciarnos|separarse|separarnos|irse de la casa|terminar|contarle|contar|decirle|decir|dejar|llamar a su abogado|cancelar|quitarme el celular)\\b)`,
      `${NOT_NEGATED}\\bamenaza\\w* (?:de muerte|con matar\\w*|con (?:lastimar|hacer dano|quitarme|llevarse|pegarme|golpearme|publicar|subir|mandar|matar))\\b|\\bamenazas de muerte\\b`,
      '\\bme (?:dijo|dice|grito) que me (?:va|iba) a (?:matar|romper|partir|desaparecer|hacer dano|enterrar)\\b',
      '\\b(?:voy a|vas a) terminar (?:muerta|muerto|en el hospital|en una zanja|enterrada)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'abuse', 'children-threat', [
    `\\b(?:va a|iba a|amenaza con|amenazo con|amenazaba con|dice que|dijo que|quiere)(?: \\w+){0,3} (?:quitar|llevar|robar|esconder|desaparecer|lastimar|hacer dano|matar)(?:me|se|le|les)? ${KIDS}\\b`,
    `\\b(?:dice|dijo|amenaza|amenazo|grita|grito) (?:que )?(?:\\w+ ){0,2}(?:se (?:lleva|llevara|va a llevar|los lleva|las lleva)|me (?:quita|quitara|va a quitar|los quita|las quita)) ${KIDS}\\b`,
    `\\b(?:quitarme|me va a quitar|me quita|me quito|se va a llevar|se llevara|robarme) ${KIDS}\\b(?! (?:al|a la|a casa|de paseo|el fin)\\b)`,
    `\\bno (?:\\w+ ){0,1}(?:voy|vas|volvere|volveras) a (?:volver a )?ver ${KIDS}\\b`,
    `\\bnunca (?:\\w+ ){0,4}ver ${KIDS}\\b`,
    '\\bnunca (?:mas )?(?:los|las|lo|la|a mis hijos|a los ninos|a mi hijo|a mi hija) (?:voy|vas|vuelvo|volveras|volvere|vas a volver|voy a volver) a (?:volver a )?ver\\b|\\bno (?:los|las) (?:voy|vas) a volver a ver\\b',
  ]),
  // Retenida: no la deja salir, la encierra. Danger, where control alone is a concern (below).
  ...rules('danger', 'abuse', 'held-in', [
    '\\bno me (?:deja|dejaba|deja ni|permite|permitia|dejo|quiere dejar) (?:\\w+ )?(?:salir|irme)\\b(?! (?:con|a (?:ver|tomar|bailar|comer|cenar|pasear|fiestas?)|de (?:fiesta|parranda)|los (?:fines|viernes|sabados)|sola con)\\b)',
    '\\bme (?:encierra|encerro|encerraba|tiene encerrad[ao]|deja encerrad[ao]|ha encerrado)\\b',
  ]),
  // Pedir que no le contesten porque él lee los mensajes: miedo a ser descubierta ahora (danger).
  ...rules('danger', 'abuse', 'hidden-contact', [
    '\\bno (?:me )?(?:contesten|conteste|contestes|respondan|responda|respondas|escriban|escribas|manden|mandes)\\b(?: \\w+){0,4} (?:el|ella) (?:lee|revisa|checa|ve|mira|esculca|chequea)\\b|\\b(?:el|ella) (?:lee|revisa|checa|ve|mira|esculca|chequea) (?:mis|el|mi|todos mis) \\w+\\b(?: \\w+){0,3} no (?:me )?(?:contesten|respondan|escriban|manden)\\b',
    '\\b(?:seguro|a lo mejor|capaz|igual) (?:el|ella )?(?:lee|leera|esta leyendo|va a leer|ve|vera) (?:esto|este|estos|lo que escribo)\\b|\\bsi (?:el|ella )?(?:ve|lee|encuentra) (?:esto|este mensaje)\\b(?: \\w+){0,3} (?:me mata|estoy muerta|estoy muerto|me va mal)\\b',
  ]),
  // Controlar sin amenaza, violencia, encierro ni miedo ahora es una preocupación (concern), no danger.
  ...rules('concern', 'abuse', 'coercive-control', [
    '\\bno me (?:deja|dejaba|deja ni|permite|permitia|dejo|quiere dejar) (?:\\w+ )?(?:salir|ver a|ver mi|hablar con|llamar|usar|tener (?:dinero|celular|amigas|amigos|trabajo)|ir a|irme|estudiar|visitar|manejar|trabajar|trabajo)\\b',
    `${NOT_SE}\\b(?:me )?(?:quito|quita|quitaba|ha quitado|esconde|escondio|escondia|me rompio|se quedo con|retiene|retuvo) (?:todo (?:el|mi) (?:dinero|sueldo)|las llaves|el celular|el telefono|mi celular|mi telefono|el pasaporte|mi pasaporte|mis documentos|mis papeles|el movil|mi movil|el dinero|mi dinero|mi tarjeta|las tarjetas|la tarjeta|el carro|el coche|mi sueldo|mis llaves|los papeles|mi cartera|mi identificacion)\\b(?! (?:un (?:rato|momento|segundo)|para (?:ver|ensenar|mostrar|buscar|tomar|cargar|poner|arreglar|revisar las fotos)|de broma)\\b)`,
    '\\bme (?:encierra|encerro|encerraba|tiene encerrad[ao]|deja encerrad[ao]|ha encerrado)\\b',
    '\\bcontrola (?:todo )?(?:mi|el|nuestro|todo mi) (?:dinero|sueldo|celular|telefono|vida)\\b|\\bcontrola todo lo que hago\\b|\\bno me da (?:dinero|nada de dinero|ni un peso)\\b',
    '\\b(?:tengo|debo|tenia) que pedir(?:le)? permiso (?:para (?:todo|salir|ver|gastar|comprar|ir|hablar|usar|trabajar))?\\b(?<!pedir permiso)|\\b(?:tengo|debo|tenia) que pedirle permiso\\b|\\bme prohib\\w* (?:salir|ver|hablar|trabajar|usar|tener|ir|visitar|llamar|estudiar|manejar)\\b',
    '\\bme (?:aisla|aislo|tiene aislad[ao])\\b|\\bme (?:alejo|aleja) de (?:mi familia|mis amigas|mis amigos|todos)\\b',
  ]),
  ...rules(
    'concern',
    'abuse',
    'surveillance',
    [
      `${NOT_NEGATED}\\b(?:me )?(?:revisa|reviso|revisaba|mira|miraba|controla|controlaba|esculca|esculco|esculcaba|checa|checo|checaba|chequea|lee|leia|leyo|espia|espio|espiaba|rastrea|rastreo|vigila|vigilaba|monitorea|graba|grababa|hackeo|hackea|intercepta) (?:todos |todas |siempre |todo |a escondidas )?(?:el|mi|mis|los|las) (?:celular|telefono|cel|movil|mensajes|whatsapp|whatsapps|whats|wasap|correo|correos|redes|llamadas|conversaciones|chats|ubicacion|computadora|facebook|instagram|cuentas|cuenta|historial)\\b(?! (?:conmigo|juntos|y yo (?:se lo|le) (?:pedi|permiti))\\b)`,
      `${NOT_NEGATED}${NOT_SE}\\bme (?:rastrea|rastreo|vigila|vigilaba|espia|espio|acosa|acoso|acosaba|persigue|persiguio|controla|controlaba|tiene vigilad[ao]|tiene controlad[ao]|tiene localizad[ao]|tiene rastread[ao]|tiene monitoread[ao])\\b(?! (?:el (?:horario|tiempo)|la dieta)\\b)`,
      // Told as news: "me volvió a revisar el celular", "se metió a mi correo y leyó todo" (a participant walkthrough).
      `${NOT_NEGATED}\\b(?:me )?(?:volvio|vuelve|volvia|sigue|siguio) (?:a )?(?:revisar|revisando|leer|leyendo|checar|checando|chequear|esculcar|esculcando|espiar|espiando) (?:el|mi|mis|los|las|todos mis|todo mi) (?:celular|telefono|cel|movil|mensajes|whatsapp|whatsapps|correo|correos|chats|conversaciones|llamadas|ubicacion|cuentas|cuenta)\\b(?! (?:conmigo|juntos)\\b)`,
      '\\bme (?:sigue|siguio|seguia) (?:al trabajo|a todas partes|a todos lados|a todas|hasta (?:el|mi|la|mi casa)|por la calle|cuando salgo|en el carro|en su carro)\\b',
      '\\b(?:me )?(?:puso|instalo|pone|metio|escondio|coloco) (?:un|una|el|la) (?:gps|localizador|rastreador|aplicacion|app|programa|camara|camaras|microfono|grabadora) (?:\\w+ )?(?:en|a|dentro de) (?:mi|el) (?:carro|coche|auto|celular|telefono|bolsa|cartera|casa|cuarto|computadora)\\b',
      '\\bsabe (?:siempre )?donde estoy (?:todo el tiempo|siempre|a toda hora|en todo momento)\\b|\\bsiempre sabe donde estoy\\b',
      '\\bme obliga a (?:compartir|darle|mandarle) (?:mi )?(?:ubicacion|contrasenas|contrasena|claves)\\b',
    ],
    { unlessConsent: true },
  ),
  ...rules('danger', 'abuse', 'sexual-coercion', [
    '\\bme (?:obliga|obligo|obligaba|forzo|forza|fuerza|forzaba|presiona|presiono|presionaba|ha obligado|ha forzado) (?:a )?(?:tener|hacer|que|estar) (?:relaciones|sexo|cosas|intimidad|con el|con ella)\\b|\\bme (?:obliga|obligo|obligaba|forzo|fuerza|presiona|presiono) a (?:acostarme|dormir con (?:el|ella)|estar con (?:el|ella)|tocarlo|tocarla)\\b',
    '\\bme (?:forzo|violo|viola|violaba|ha violado|manosea|manoseo|manoseaba|forza|obligo a estar con el)\\b',
    '\\b(?:abuso|abusa|abusaba|ha abusado) (?:sexualmente )?de mi\\b|\\babuso sexual\\b|\\bme violaron\\b|\\bfui violada\\b|\\bme abuso sexualmente\\b',
    '\\bme toca (?:sin|aunque|cuando no)\\b|\\bsin mi (?:consentimiento|permiso)\\b.*\\b(?:sexo|relaciones|me toca|me toco)\\b',
    '\\b(?:relaciones|sexo) (?:\\w+ ){0,4}aunque (?:yo )?(?:le )?(?:digo|diga|dije) que no\\b',
    '\\b(?:publicar|subir|mandar|ensenar|compartir|difundir|enviar) (?:mis|nuestras|las) (?:fotos|videos|imagenes) (?:intimas|intimos|desnuda|privadas|privados)?\\b',
  ]),
  // Firm: the model reads "se puso violento con los niños" as ordinary (0.03), and would overrule it.
  ...rules(
    'danger',
    'abuse',
    'violence',
    [
      `${NOT_NEGATED}${NOT_THING}\\b(?:es|se pone|se puso|ha sido|se ha puesto) (?:muy )?(?:violento|violenta) con (?:los|mis|nuestros|las|nuestras) (?:ninos|nenes|hijos|hijas|ninas|chamacos|bebes|criaturas)\\b`,
    ],
    { firm: true },
  ),
  // Firm: the model reads "mi esposo se metió a mi correo y leyó todo" as ordinary, and would overrule it.
  ...rules(
    'concern',
    'abuse',
    'surveillance',
    [
      `${NOT_NEGATED}\\bse (?:metio|mete|metia) (?:a|en) (?:mi|mis) (?:celular|telefono|cel|movil|correo|coreo|correos|coreos|cuenta|cuentas|facebook|instagram|whatsapp|computadora|mensajes)\\b(?! (?:conmigo|juntos|con mi permiso|porque (?:yo )?(?:se lo|le) pedi)\\b)`,
    ],
    { firm: true },
  ),
  ...rules('danger', 'abuse', 'fear-now', [
    '\\bestoy escondid[ao]\\b|\\bme estoy escondiendo\\b',
    '\\b(?:escondida|escondido|me escondi|me escondo|estoy escondid[ao]|me tengo que esconder|me estoy escondiendo|encerrada en|encerrado en) (?:en |dentro del? )?(?:el |la |mi )?(?:bano|closet|cuarto|carro|armario|recamara|habitacion|cocina|sotano|azotea)\\b(?! (?:\\w+ )?(?:para (?:llorar|pensar|estar sola|estar solo|descansar|respirar|leer|hablar|llamar|tener paz|que no me (?:vieran|vean|oyeran))|un rato)\\b)',
    '\\b(?:me escondo|me escondi|escondiendome|escondida|escondido) de (?:el|ella|mi esposo|mi esposa|mi marido|mi pareja|mi novio)\\b',
    '\\b(?:golpeando|pateando|aporreando|tumbando|rompiendo) (?:la )?(?:puerta|ventana)\\b|\\b(?:quiere|esta tratando de|intenta|trata de) (?:entrar|tirar la puerta|tumbar la puerta)\\b',
    '\\b(?:rompiendo|tirando|quebrando|destrozando|aventando) (?:todo|las cosas|cosas|los platos)\\b',
    '\\b(?:tengo )?miedo de (?:volver|regresar|ir|llegar|estar) (?:a|en) (?:la |mi )?casa\\b|\\bno (?:me siento|estoy) (?:segur[ao]|a salvo) en (?:mi |la |esta )?casa\\b',
    // Afraid to be at home, in any tense and without "de": "me dio miedo estar en casa", "me da pánico volver a casa".
    `${NOT_NEGATED}\\b(?:miedo|panico|terror) (?:de |a )?(?:volver|regresar|ir|llegar|estar|quedarme|dormir) (?:a|en) (?:la |mi |esta |nuestra )?casa\\b`,
    '\\b(?:miedo|temo|temor|asusta|terror) (?:de )?que me (?:mate|pegue|golpee|haga dano|lastime|ahorque|viole|vuelva a pegar|vuelva a golpear)\\b',
    `\\b(?:temo|miedo) por mi vida\\b|${NOT_NEGATED}\\b(?:estoy|estamos|mis hijos estan) en peligro\\b`,
    '\\b(?:llame|tuve que llamar|voy a llamar|llamo|llamare|debo llamar) a la policia\\b',
    '\\b(?:miedo|asustada|asustado|aterrada|aterrado|terror|panico|temblando)\\b.*\\b(?:(?:tocando|golpeando|pateando|aporreando) (?:la )?puerta|(?:viene|llega|llego|esta|va a llegar) (?:muy )?(?:borracho|borracha|drogado|drogada|furioso|furiosa|enojado|enojada)|ya viene|viene para aca|viene en camino|esta afuera|esta aqui|esta borracho|esta borracha|esta furioso|esta furiosa|rompiendo|golpeando|me busca|me esta buscando|llego borracho|tiene un arma|tiene una pistola|tiene un cuchillo)\\b',
    '\\b(?:me encerre|me escondi|me escondo|escondida|escondido|encerrada|encerrado)\\b.*\\b(?:furioso|furiosa|borracho|borracha|golpeando|gritando|rompiendo|esta afuera|me busca|me esta buscando|drogado|enojado|armado)\\b|\\b(?:furioso|furiosa|borracho|borracha|golpeando|rompiendo|me busca|me esta buscando|drogado|armado)\\b.*\\b(?:me encerre|me escondi|me escondo|escondida|escondido|encerrada|encerrado)\\b',
    '\\b(?:tocando|golpeando|pateando|aporreando) (?:la )?puerta\\b.*\\b(?:miedo|asustada|asustado|aterrada|aterrado|terror|panico|temblando)\\b',
    '\\b(?:viene para aca|viene en camino|esta afuera|esta borracho|esta furioso|llego borracho|me esta buscando|tiene un arma|tiene una pistola|tiene un cuchillo|rompiendo todo)\\b.*\\b(?:miedo|asustada|asustado|aterrada|aterrado|terror|panico|temblando|escondida|encerre)\\b',
  ]),
];

const HARM_TO_OTHERS: SafetyRule[] = [
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      `\\b(?:lo|la|los|las|le) (?:voy|vamos|ire|quiero|pienso) a? ?(?:matar|golpear|ahorcar|lastimar|partir|madrear|romper la cara|hacer dano|pegar|apunalar|disparar|quemar)\\b`,
      `\\b(?:quiero|voy a|tengo ganas de|ganas de|me dan ganas de|siento que voy a|pienso|podria|temo|miedo de|tengo miedo de) (?:matarlo|matarla|matarlos|golpearlo|golpearla|ahorcarlo|ahorcarla|lastimarlo|lastimarla|pegarle|hacerle dano|hacerles dano|matar a (?:alguien|mi esposo|mi esposa|el|ella|mi marido|mi pareja|su amante|ese|esa))\\b(?! por\\b)`,
      '\\b(?:hacerle|hacerles) dano a (?:mis hijos|los ninos|alguien|el|ella|mi hijo|mi hija|mi esposa|mi esposo)\\b',
      // Fear of one's own hand: "tengo miedo de lo que le pueda hacer" (as English, below).
      '\\b(?:miedo|terror|panico) de lo que (?:yo )?(?:le|les) (?:pueda|podria|vaya a|voy a|pudiera) hacer\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'harm-to-others', 'past-act', [
    '\\ble (?:pegue(?! (?:el|la|los|las|un|una|unos|unas) (?:sticker\\w*|papel\\w*|nota|notas|foto|fotos|etiqueta\\w*|cinta|calcomania\\w*|chicle|dibujo\\w*|cartel|poster)\\b)|di una cachetada|di un golpe|di una bofetada|di un punetazo|di una patada|di una paliza|rompi la|golpee)\\b(?! (?:un grito|unos gritos|un susto|un grito)\\b)',
    '\\b(?:la|lo) (?:golpee|empuje|ahorque|lastime fisicamente|cachetee|patee)\\b',
  ]),
];

const CALL_FOR_HELP: SafetyRule[] = rules(
  'danger',
  'call-for-help',
  'call-for-help',
  [
    '(?<!\\bno (?:\\w+ )?)(?<!\\b(?:la|tu|su|mucha|una|tanta|poca|le|me|nos|te|se|que|sin|de|por|tu|esta|esa|gran|buena|pero|terapia|programa|eso|esto|tambien|recibi|recibimos|pedi|pedimos|busque|buscamos|tuve|tuvimos|si|y|lo que|algo que)\\s)\\bayuda\\b(?! (?:con|para|a|de|del|mucho|bastante|un|una|en|muchisimo|algo|harto|que)\\b)',
    '\\b(?:ayudame|ayudenme|ayudeme|auxilio|socorro)\\b(?! (?:a|con|en) (?!(?:salir|escapar)\\b)\\w+)',
    '\\b(?:necesito|necesitamos|pido) ayuda (?:urgente|ya|ahora|por favor|rapido|inmediata)\\b|^ (?:necesito|necesitamos) ayuda (?:por favor )?$',
    '\\b(?:llamen|llama|llame usted|llamar) (?:a )?(?:la policia|al 911|una ambulancia|una patrulla)\\b(?<!\\b(?:voy a|tuve que|debo) llamar (?:a )?(?:la policia|al 911))',
    '\\bpor favor ayuda\\b',
    '^ 911\\b|\\b911 (?:por favor|porfa|x favor|ya|ahora|ayuda|urgente)\\b',
    '\\bes una emergencia\\b(?! (?:familiar|de (?:trabajo|familia)|laboral|dental|del trabajo)\\b)|\\bvengan (?:rapido|ya|pronto|por favor|x favor|porfa)\\b|\\bmanden (?:a )?(?:alguien|la policia|una patrulla|una ambulancia|ayuda)\\b|\\bllamenme ya\\b',
  ],
  { unlessAboutApp: true },
);

const CONCERN: SafetyRule[] = [
  ...rules('concern', 'abuse', 'concern', [
    '\\b(?:le tengo|les tengo) (?:mucho )?miedo\\b(?! (?:a|al) (?!(?:el|ella|mi|mis|su|sus)\\b))|\\btengo (?:mucho )?miedo (?:de|a) (?:el|ella|mi esposo|mi esposa|mi pareja|mi novio|mi novia|mi marido|mi ex)\\b',
    '\\btengo (?:mucho )?miedo $|\\bcon miedo\\b|\\bme (?:da|dan|daba) (?:mucho )?miedo(?: $| cuando\\b| (?:el|ella|mi (?:esposo|esposa|marido|pareja|novio|novia|ex))\\b| que (?:me )?(?:pegue|haga dano|mate|lastime|grite|golpee)\\b)',
    '\\bme (?:estoy desmoronando|estoy derrumbando)\\b|\\bno estoy bien\\b(?! (?:con|de) (?:el|la|eso|esto|mi)\\b)|\\bme (?:intimida|intimidaba|asusta)\\b',
    '\\bno me siento (?:segur[ao]|a salvo|protegid[ao]|tranquila con el)\\b(?! (?:de|con (?:la|mi) decision)\\b)|\\bno estoy a salvo\\b',
    `${NOT_NEGATED}\\bme (?:hizo|hace|ha hecho|hacia) (?:mucho )?dano\\b(?! con (?:sus|las|lo|la|el)\\b)(?!.*\\b(?:mentira\\w*|infidelidad|engano|enganar|engan\\w*|lo que dijo|palabras|amante)\\b)`,
    `${NOT_NEGATED}\\bme (?:lastimo|lastima|ha lastimado|lastimaba)\\b(?! con (?:sus|las|lo|la|el)\\b)(?!.*\\b(?:mentira\\w*|infidelidad|engan\\w*|lo que dijo|palabras|amante)\\b)`,
    '\\bme (?:asusta|asustaba)\\b',
  ]),
  ...rules('concern', 'self-harm', 'concern', [
    '\\bya no (?:puedo|aguanto)(?: mas| con esto| con nada|$)|\\bno (?:aguanto|puedo) mas\\b|\\bno puedo con esto\\b|\\bya no aguanto\\b',
    '\\bodio mi vida\\b|\\bsin esperanza\\b|\\bme siento (?:muy |tan |tan |completamente )?(?:vacia|vacio|inutil)(?: por dentro)?\\b',
  ]),
];

/** Weapons in any hand, "with a knife" (folded by sound when compiled). */
const ARMED = `con (?:un|una|el|la|su|mi) ${WEAPON}`;
/** Infinitives of harm, for threats in any tense: "amenazó con quemar la casa", "dijo que lo mata". */
const HARM_INF = any(
  'matar\\w*',
  'quemar\\w*',
  'lastimar\\w*',
  'golpear\\w*',
  'pegar\\w*',
  'apunalar\\w*',
  'acuchillar\\w*',
  'disparar\\w*',
  'ahorcar\\w*',
  'estrangular\\w*',
  'ahogar\\w*',
  'envenenar\\w*',
  'desaparecer\\w*',
  'romperle la cara',
  'romperme la cara',
  'partirle la (?:cara|madre)',
  'partirme la (?:cara|madre)',
  'hacer(?:le|me|les|nos|te)? dano',
  'incendiar\\w*',
  'balear\\w*',
  'enterrar\\w*',
);
/** Killing and its kin in the present, first person, with an object clitic: "lo mato", "la apuñalo". */
const KILL_1ST = any(
  'mato',
  'matare',
  'mataria',
  'apunalo',
  'apunalare',
  'acuchillo',
  'ahorco',
  'estrangulo',
  'quemo',
  'reviento',
  'balaceo',
  'baleo',
  'madreo',
  'descuartizo',
  'degollo',
  'degüello',
  'entierro',
);

/** Harm to oneself in the infinitive with its clitic: "pensamientos de matarme", "ganas de ahorcarme". */
const SELF_INF = any(
  'matarme',
  'suicidarme',
  'quitarme la vida',
  'ahorcarme',
  'colgarme',
  'envenenarme',
  'cortarme las venas',
  'tirarme (?:del|de un|de una|al|a las|por la) (?:puente|edificio|tren|metro|balcon|azotea|techo|ventana|vias)',
);
/** Harm to someone else in the infinitive with its clitic: "envenenarlo", "matarla". */
const OTHER_INF = `${any('matar', 'golpear', 'ahorcar', 'estrangular', 'envenenar', 'apunalar', 'acuchillar', 'lastimar', 'quemar', 'balear', 'herir', 'ahogar', 'atropellar', 'madrear', 'desaparecer')}(?:lo|la|los|las|le|les)`;
const ROUND_2_ES: SafetyRule[] = [
  ...rules('danger', 'self-harm', 'direct', [
    `${NOT_NEGATED}(?<!\\b(?:va a|van a|iba a|quiere|queria|amenaza con|amenazo con|amenazaba con|amenazado con|amenazando con|amenazandome con|amenazandonos con|amenazara con|amenazo de|piensa|dijo que va a|dice que va a|trato de|intento|intentaba|quiso) )\\b${SELF_INF}\\b(?! (?:estudiando|trabajando|de (?:risa|hambre|la risa)|en el (?:gym|gimnasio|trabajo)|a trabajar|por (?:ti|el|ella|mis hijos|terminar))\\b)`,
    '\\b(?:irme|ir|me voy|me quiero ir|quiero irme|salir|dejar|despedirme) (?:de )?este mundo\\b',
    `${NOT_NEGATED}(?<!\\b(?:no|nunca|jamas|ni) (?:tengo|tiene|tenia|he tenido|hay|tuve) (?:\\w+ ){0,3})\\b(?:hacerme|hacerme mas|me hago|me haga) dano\\b(?! (?:con (?:esto|eso|la|el|las|los)|quedandome|pensando|al|en (?:la|el|mi|mis) (?:rodilla|espalda|pie|mano|brazo|cabeza|dedo))\\b)(?<!\\bno quiero hacerme dano)|\\bsin hacerme dano\\b`,
    '\\bme (?:queme|quemo|quemaba|he quemado|corte|corto|cortaba|he cortado|rasgue|rasguno|rasgunaba) (?:\\w+ ){0,4}(?:con (?:un |una |el |la |los |mi )?(?:cigarro|cigarrillo|cigarros|encendedor|cerillo|cerillos|navaja|cuchilla|cuchillas|gillette|vidrio)|para (?:sentir|castigarme|no sentir|calmar|aguantar|sentirme))\\b',
    '\\bme (?:hice|hago|he hecho|sigo haciendo|volvi a hacer) dano\\b(?: \\w+){0,2} (?:a proposito|apropos\\w*|sola|solo|yo misma|yo mismo)\\b|\\bme (?:corte|lastime|queme|golpee|cortaba|lastimaba|quemaba) (?:\\w+ ){0,2}a proposito\\b',
  ]),
  ...rules('danger', 'self-harm', 'indirect', [
    '\\b(?:quiero|quisiera|solo quiero|nada mas quiero) que (?:el dolor|todo|esto|todo esto|el sufrimiento|mi vida) (?:pare|termine|acabe|se acabe|se termine) para siempre\\b',
    '\\b(?:la muerte|morir|morirme|matarme|suicidarme|desaparecer|quitarme la vida) (?:es|parece|seria|sea) (?:la|mi) (?:unica|mejor) (?:salida|opcion|solucion)\\b|\\b(?:unica|mejor) (?:salida|opcion|solucion) (?:es|seria) (?:la muerte|morir|morirme|matarme|desaparecer|quitarme la vida)\\b',
    '\\b(?:seria|es|seria tan|es tan) (?:tan |mas |muy )?(?:facil|mejor|sencillo) (?:ya )?(?:no estar|no existir|no despertar|desaparecer|morir(?:me)?|dejar de existir|acabar con todo|irme para siempre)\\b(?! (?:un|una|unos|unas|por un|por una|del|de la|de las|de los|en|con|aqui|ahi)\\b)',
    '\\b(?:ojala|quisiera|deseo|rezo para) (?:que )?(?:me (?:atropelle|atropellen|muera|muriera)|tener un accidente|tuviera un accidente|no despierte|no despertara)\\b(?! (?:de (?:risa|verguenza|ganas))\\b)',
    '\\bsoy (?:un|una|solo un|solo una|nada mas un|nada mas una) (?:carga|estorbo|problema|peso|molestia) para (?:todos|todo el mundo|mi familia|ustedes|mis hijos|los demas)\\b',
    '\\b(?:pienso en|pensando en|ganas de|quiero|quisiera|voy a|me dan ganas de|a veces pienso en) (?:estrellar(?:me)?|chocar(?:me)?|aventar(?:me)?|tirar(?:me)?|echar(?:me)?) (?:el carro|el coche|la camioneta|contra (?:un|una|el|la) (?:arbol|pared|muro|camion|trailer|poste|tren))\\b',
    '\\b(?:estarian|estaria|estan|estarias|vivirian|serian|seria|estarán|van a estar) (?:todos |mas felices )?(?:mejor|bien|tranquilos|tranquilas) sin (?:mi|una \\w+ como yo|un \\w+ como yo|alguien como yo|mi presencia)\\b(?! (?:un|una|unos|unas|por un|por una|este|esta|el fin|la semana|mientras|hoy|manana|en (?:la|el) (?:casa|viaje))\\b)',
    '\\b(?:no tengo|ya no tengo|sin|no hay|ya no hay) (?:ninguna |ningun |mas )?(?:razon|razones|motivo|motivos|ganas) (?:para|de) (?:seguir|continuar|levantarme)\\b(?! (?:con|intentando|en|aqui con|juntos|casados|trabajando|peleando|hablando|el programa|las tareas)\\b)',
    '\\b(?:no (?:creo|se si|se) (?:que )?(?:pueda|puedo|podre|podria|aguante|aguantare|aguanto)|ya no (?:puedo|podre|aguanto)) (?:seguir|continuar) (?:viviendo|vivo|viva|con vida|existiendo|en este mundo|aqui)\\b(?! con (?:el|ella|mi (?:esposo|esposa|marido|pareja))\\b)(?! en (?:esta|este) (?:casa|relacion|matrimonio)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'plan', [
    '\\b(?:escogi|elegi|encontre|ya tengo|ya vi) (?:el|la|un|una) (?:puente|edificio|soga|arbol|cornisa)\\b(?! (?:para (?:la|el|las|los|ir|cruzar|la foto|el paseo)|donde (?:nos|vamos))\\b)|\\besta noche es la noche\\b(?!.*\\b(?:cita|fiesta|cena|partido|concierto|estreno|aniversario)\\b)',
    '\\b(?:hoy|esta noche|manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|este fin(?: de semana)?) lo (?:hago|voy a hacer|hare)\\b(?=.*\\b(?:decidi|decidido|listo|lista|plan\\w*|ya no|adios|perdon)\\b)(?!.*\\b(?:contar|cuento|le digo|decirle|hablar|hablo|tarea|ejercicio|carta|pedir perdon)\\b)',
    '\\b(?:hoy|esta noche|manana|ya|ahorita|por fin) (?:\\w+ )?(?:termino|acabo|terminare|acabare|voy a terminar|voy a acabar|termine|acabe) con todo\\b(?! (?:el|la|lo|los|las|mi|mis|esto|eso|este|esta)\\b)|\\b(?:termino|acabo|terminare|acabare) con todo (?:hoy|esta noche|manana|de una vez|ya)\\b|\\b(?:termino|acabo|voy a terminar|voy a acabar) con todo $',
    '\\b(?:ya )?tengo todo (?:planeado|listo|preparado|pensado) para (?:cuando|esta noche|hacerlo|irme|acabar|terminar|el dia)\\b(?!.*\\b(?:cumple\\w*|fiesta|cena|boda|aniversario|vacaciones|sorpresa|reunion)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'means', [
    '\\b(?:suficientes|bastantes) (?:pastillas|pildoras|medicinas|pastas)\\b(?! para (?:el|la|los|las) (?:viaje|semana|mes|dolor|gripa|gripe)\\b)',
    '\\b(?:compre|consegui|tengo|traje|saque) (?:una|un|la|el) (?:pistola|arma|soga|cuerda|escopeta|revolver|veneno) (?:para mi (?:misma |mismo )?$|para usarla conmigo|para mi (?:misma|mismo))',
    '\\b(?:soga|cuerda|pastillas|pildoras|navajas|cuchillas|veneno)\\b(?: \\w+)? (?:lista|listas|listo|preparad[ao]s?|escondid[ao]s?)\\b(?! (?:para (?:el|la) (?:jardin|tendedero|ropa|viaje|cocina))\\b)',
    '\\b(?:pastillas|pildoras|pistola|arma|cuchillo|navaja|cuchillas|soga|cuerda|frasco|veneno)\\b(?: \\w+){0,3} (?:en (?:la|mi) mano|en las manos|junto a mi|enfrente de mi|al lado mio|a mi lado|aqui conmigo)\\b',
    '\\b(?:estoy|ando|me subi|sigo) (?:parad[ao] )?(?:en|sobre|arriba de) (?:el|la|un|una|las) (?:puente|azotea|techo|cornisa|vias del tren|vias|barranco|precipicio)\\b(?!.*\\b(?:trafico|carro|manejando|tráfico|camion|llegando|trabajo|camino|paseo|foto\\w*)\\b)',
    `\\b(?:no (?:dejo|puedo dejar|paro) de|sigo|me quedo) (?:verla|verlo|verlas|verlos|mirarla|mirarlo|mirarlas|mirarlos|viendola|viendolo|mirandola|mirandolo|pensar en (?:ella|el|eso|usarla|usarlo))\\b(?<=\\b(?:pistola|arma|escopeta|revolver|cuchillo|navaja|navajas|pastillas|soga|cuerda|cuchillas|veneno|puente)\\b.*)`,
    '\\b(?:saque|sacando|agarre|tengo en la mano|sostengo|compre|escondi|guarde) (?:otra vez |de nuevo )?(?:las|mis|unas|la|una|el|un) (?:navajas|cuchillas|navaja|cuchilla|hojas de afeitar|gillette|gilletes|rastrillos|soga|cuerda)\\b(?! (?:para (?:el|la|los|las) (?:jardin|tendedero|ropa|cocina|barba|piernas|camping))\\b)',
    '\\b(?:no (?:dejo|paro|puedo dejar) de|sigo) (?:mirar|ver|pensar en|contar|agarrar) (?:las|la|el|los|mis|mi) (?:pastillas|pistola|arma|navaja|navajas|cuchillas|soga|cuerda|puente|medicinas|pildoras)\\b|\\b(?:pensar en|pienso en|ganas de) usar(?:las|la|lo|los)\\b(?=.*\\b(?:pastillas|pistola|arma|navaja|navajas|cuchillas|soga|cuerda|medicinas|pildoras)\\b)',
  ]),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\b(?:mis hijos|mi familia|mi hija|mi hijo|mi mama|mi papa|mi esposo|mi esposa|mis papas) (?:sepan|sepa|sabran|sabra) que (?:los|las|la|lo|le|les) (?:ame|amo|quise|quiero|queria)\\b',
    '\\b(?:regale|regalando|estoy regalando|voy a regalar|ya regale) (?:todas mis cosas|todo lo que tengo|mis pertenencias|todas mis pertenencias)\\b|\\besto es un adios\\b(?! (?:a|al|para) (?:la|el|mi|los|las|esa|ese)\\b)|\\b(?:es|este es) mi adios\\b',
    '\\b(?:diganle|digale|dile|digan|decirle|diles|diganles) a (?:mis|mi|los|las) (?:hijos|hija|hijo|hijas|ninos|familia|mama|papa|madre|padre|esposo|esposa|marido|hermanos|hermanas|hermano|hermana|nietos) (?:que )?(?:los|las|la|lo|le|les)? ?(?:amo|quiero|quise|ame|perdonen|siento)\\b',
    '\\b(?:deje|dejo|escribi|estoy escribiendo|voy a dejar|tengo listas|ya tengo) (?:\\w+ ){0,2}(?:cartas (?:para|a) (?:mi|mis|todos|cada|la|los|ustedes)|(?:una )?carta (?:de despedida|(?:para|a) (?:mis hijos|mi familia|todos|cada uno|mis papas|mis padres|ustedes|mi hij[ao])))\\b(?!.*\\b(?:perdon|disculpa\\w*|tarea|ejercicio|programa|aniversario|cumple\\w*)\\b)',
    '\\bperdon(?:enme|ame|en)? por todo\\b.*\\b(?:gracias por todo|adios|cuiden|los amo|las amo|los quiero|para siempre|me voy)\\b|\\b(?:gracias por todo|los amo|las amo)\\b.*\\bperdon(?:enme|ame)? por todo\\b|\\b(?:diganle|dile|digan) (?:\\w+ ){0,4}(?:los|las|la|lo) (?:amo|quiero)\\b.*\\bperdon\\w*',
  ]),
  ...rules('danger', 'self-harm', 'past-act', [
    '\\b(?:intente|trate de|quise|intento de) (?:tomarme|tragarme|beberme) (?:todas|todo|un frasco|una caja|un monton|el frasco|la caja)\\b',
  ]),
  ...rules('danger', 'self-harm', 'other-person', [
    '\\bse (?:quiso|intento|trato de|queria|quiere|va a|iba a|esta por|amenazo con|amenaza con) (?:matar|suicidar|colgar|ahorcar|cortar las venas|tirar (?:del|de un|de una|al|por la) \\w+|envenenar|disparar|quitar la vida)\\b(?! de (?:risa|hambre|sueno|la risa|verguenza)\\b)',
  ]),
  ...rules('danger', 'abuse', 'physical', [
    `${NOT_NEGATED}\\bme (?:cago|cagaba|caga|agarro|agarraba|dio|daba|molio|molia|puso|cayo|cae) a (?:palos|golpes|patadas|trompadas|punetazos|cachetadas|madrazos|chingadazos|bofetadas|palazos|cintarazos|correazos)\\b`,
    `${NOT_NEGATED}${NOT_SE}\\bme (?:torcio|tuerce|torcia|ha torcido|doblo|dobla) (?:el|la|los|las) (?:brazo|brazos|muneca|munecas|mano|dedos|cuello)\\b`,
    `${NOT_NEGATED}\\b(?:su|el|mi) (?:marido|esposo|novio|pareja|ex|esposa|novia|papa|padre|padrastro) (?:\\w+ ){0,3}le (?:${AUX})?(?:peg\\w*|golp\\w*|dio una paliza|dio golpes|ahorc\\w*|estrangul\\w*|rompio|reviento|pateo|apuñal\\w*|quemo|empujo|maltrat\\w*)\\b${NOT_IDIOM_OBJECT}`,
  ]),
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      `${NOT_NEGATED}\\bamenaz\\w* (?:con|de) (?:\\w+ ){0,1}${HARM_INF}\\b(?! (?:de (?:risa|hambre|verguenza))\\b)`,
      `\\b(?:dijo|dice|grito|jur[ao]|advirtio|advierte|amenaz[ao]|asegur[ao]) (?:\\w+ ){0,2}que (?:\\w+ ){0,4}(?:me|nos|los|las) (?:va|iba|van) a (?:hacer )?${HARM_INF}\\b`,
      '\\b(?:me|nos|los|las) (?:va|iba|van|quiere) a (?:cortar|rajar|acuchillar|apunalar|matar|quemar|ahogar|asfixiar|ahorcar|golpear|pegar)\\b(?: \\w+){0,3} (?:mientras (?:duermo|dormimos|estoy dormid[ao]|estemos dormidos)|dormid[ao]s?)\\b|\\b(?:matarme|cortarme|quemarme|apunalarme|ahogarme|asfixiarme) mientras duermo\\b',
      '\\b(?:me|le|nos) (?:va|iba|van|quiere) a (?:pegar|dar|meter|volar) (?:un|unos|dos|tres) (?:tiro|tiros|balazo|balazos|plomazo|plomazos|punalada|punaladas|machetazo)\\b',
      `\\b(?:dijo|dice|grito|jur[ao]|advirtio|advierte|amenaz[ao]|asegur[ao]) (?:\\w+ ){0,2}que (?:\\w+ ){0,6}(?:me|nos|los|las|te) (?:mata|matara|mataria|va a matar|iba a matar|mato|quema|queme|mate|mataba)\\b(?! (?:de (?:risa|hambre|sueno|verguenza)|la (?:culpa|verguenza|ansiedad|curiosidad|espera))\\b)`,
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'abuse', 'children-threat', [
    `\\bno (?:\\w+ ){0,1}(?:vuelvo|vuelves|volvere|volveria|voy a volver|vas a volver) a ver ${KIDS}\\b`,
    `${NOT_NEGATED}\\ble (?:${AUX})?(?:peg\\w*|golp\\w*|ahorc\\w*|estrangul\\w*|pate\\w*|empuj\\w*|quem\\w*|dio una paliza|dio una cachetada|dio un golpe) a (?:mi|mis|nuestro|nuestra|nuestros|nuestras) (?:hijo|hija|hijos|hijas|bebe|nino|nina|ninos|ninas|nene|nena)\\b`,
  ]),
  ...rules('concern', 'abuse', 'coercive-control', [
    '\\b(?:el|ella|mi (?:esposo|esposa|marido|pareja|novio|novia)) (?:decide|elige|escoge|controla|me dice|me ordena) (?:\\w+ ){0,1}(?:que ropa|con quien (?:hablo|salgo|me veo|estoy)|a donde (?:voy|salgo)|que me pongo|cuando (?:como|salgo|duermo)|que como|como me visto)\\b',
  ]),
  ...rules(
    'concern',
    'abuse',
    'surveillance',
    [
      '\\b(?:encontre|descubri|halle|me puso|me instalo|puso|instalo|escondio|metio) (?:un|una|unas|unos) (?:gps|rastreador|localizador|camara|camaras|microfono|microfonos|grabadora|app espia|aplicacion espia|programa espia)\\b',
      '\\b(?:me )?(?:instalo|puso|metio|bajo|descargo) (?:un|una) (?:app|aplicacion|programa)\\b(?: \\w+){0,4} (?:para (?:saber|ver|checar|vigilar|controlar|leer|rastrear|espiar)|donde estoy|mis mensajes)\\b',
      '\\bpara (?:saber|ver|checar|vigilar|controlar) (?:siempre )?(?:donde|con quien|a donde) (?:estoy|ando|voy|hablo|salgo)\\b',
      '\\b(?:vigilarme|espiarme|rastrearme|monitorearme|grabarme a escondidas)\\b',
      '\\b(?:tengo que|me obliga a|me exige|exige que|me hace|quiere que|debo) (?:\\w+ )?(?:mandarle|enviarle|compartirle|compartir|mandar|enviar|le mande|le envie|le comparta|darle) (?:mi )?(?:ubicacion|localizacion|contrasena|contrasenas|claves|fotos de donde)\\b',
    ],
    { unlessConsent: true, unlessLaugh: true },
  ),
  ...rules('danger', 'abuse', 'sexual-coercion', [
    '\\ble (?:dije|decia|digo|habia dicho|diga) que no\\b(?! (?:a|al|a la|a los|a las)\\b).*\\b(?:lo (?:hizo|hace) (?:igual|de todos modos|de todas formas|aun asi)|sigu\\w+|no par[oa]|me oblig[oa]|me forz[oa]|igual lo (?:hizo|hace)|no le import[oa])\\b|\\bno le importa (?:\\w+ ){0,2}(?:que|cuando|si) (?:le )?(?:digo|diga|dije) que no\\b(?! (?:a|al|a la|a los|a las)\\b)',
    `${NOT_NEGATED}\\bme (?:fuerza|forzo|forzaba|forza|obliga|obligaba|obligo)\\b(?: (?:cuando|aunque|si|en la cama|cada vez)|$| $)`,
    '\\bsexo\\b(?: \\w+){0,8} (?:castigo|obligacion|le debo|se lo debo|no puedo decir que no|no tengo opcion|quiera o no)\\b|\\b(?:castigo|obligacion|no puedo decir que no|no tengo opcion)\\b(?: \\w+){0,6} sexo\\b',
  ]),
  ...rules('danger', 'abuse', 'fear-now', [
    '\\b(?:llego|vino|aparecio|esta|se presento|se metio) (?:\\w+ ){0,3}(?:borracho|borracha|drogado|drogada|furioso|furiosa|armado|armada)\\b.*\\b(?:no se (?:quiere )?(?:ir|va|salir)|golpeando|gritando|miedo|amenaz\\w*|con un|con una|rompiendo)\\b|\\b(?:a mi casa|a la casa|a mi trabajo)\\b.*\\bno se (?:quiere )?(?:ir|va)\\b',
    '\\b(?:afuera|en la puerta|en la ventana|afuera de (?:la|mi) (?:puerta|casa|ventana|trabajo))\\b.*\\b(?:golpeando|pateando|aporreando|gritando|amenazando|tocando fuerte|queriendo entrar)\\b|\\b(?:golpeando|pateando|aporreando|gritando|amenazando) (?:\\w+ ){0,2}(?:afuera|la puerta|la ventana)\\b',
    '\\b(?:cerre con llave|cerre la puerta con llave|me encerre|atranque la puerta|puse (?:el )?seguro|cerre todo)\\b.*\\b(?:miedo|asustad[oa]|aterrad[oa]|panico|temblando)\\b|\\b(?:miedo|asustad[oa]|aterrad[oa]|panico|temblando)\\b.*\\b(?:cerre con llave|me encerre|atranque la puerta|puse (?:el )?seguro)\\b',
    `\\b(?:vien\\w+|vino|va|anda|esta|lleg[oa]|regreso|aparecio) (?:(?:para aca|para aqui|a la casa|a mi casa|hacia aca|en camino|afuera|borrach[oa]|drogad[oa]|furios[oa]|enojad[oa]|otra vez|ya) ){0,3}${ARMED}\\b`,
    '(?<!\\b(?:hijo|hija|nino|nina|bebe|(?:el|mi|su|un|tu) perro|perrito|gato|nene|nena|hijos|ninos)(?: \\w+){0,2} )\\bme (?:viene|va|esta|anda|estan|vienen|venia|iba) (?:\\w+ )?(?:siguiendo|persiguiendo|buscando)\\b(?! (?:a todos lados|por toda la casa|como)\\b)',
    `${NOT_SE}\\b(?:rompio|rompiendo|quebro|quebrando|tumbo|tumbando|pateo|pateando|reviento|forzo|forzando) (?:la|una|las|mi|nuestra) (?:ventana|puerta|ventanas|puertas|cerradura)\\b`,
  ]),
];

const ROUND_2_HARM_TO_OTHERS_ES: SafetyRule[] = rules(
  'danger',
  'harm-to-others',
  'intent',
  [
    '\\b(?:la|lo) (?:agarre|tome|jale|apriete|sujete|ahorque|empuje) (?:del|por el|de la|por la|contra la|contra el) (?:cuello|garganta|pelo|cabello|pared|piso|suelo)\\b|\\ble (?:apriete|agarre) (?:el cuello|la garganta)\\b',
    '\\b(?:tengo|traigo|llevo|cargo) (?:la|una|mi|el|un) (?:pistola|arma|cuchillo|escopeta|rifle|revolver|machete)\\b.*\\b(?:afuera de su|en su (?:casa|trabajo)|esperandol[oa]|lo voy a|la voy a|donde vive|lo estoy esperando|la estoy esperando)\\b',
    '\\bse donde (?:vive|trabaja|esta|anda|se queda|duerme)\\b.*\\b(?:me las (?:paga|va a pagar|van a pagar)|lo mato|la mato|voy a ir|con un|con una|hoy|esta noche|lo voy a|la voy a)\\b',
    `${NOT_NEGATED}\\b(?:quiero|voy a|tengo ganas de|ganas de|me dan ganas de|pienso|pensando en|pienso en|he pensado en|pense en|podria|puedo|a punto de|estoy por|fantaseo con|me imagino|imagino|sueno con|deberia|tengo que|necesito) (?:\\w+ )?${OTHER_INF}\\b(?! (?:a (?:besos|cosquillas|abrazos)|de (?:risa|amor))\\b)`,
    `\\b(?:voy a|vamos a|quiero|pienso|ire a|tengo ganas de|ganas de|me dan ganas de|estoy por|podria|puedo) (?:\\w+ )?(?:matar|apunalar|acuchillar|golpear|madrear|disparar(?:le)?|balear|ahorcar|estrangular|quemar|lastimar|herir) (?:a|al)\\b(?! (?:la )?(?:risa|tiempo|hambre|gusanillo)\\b)`,
    `\\b(?:voy|ire|vamos|iba|fui) a (?:ir|ir a buscarlo|ir a buscarla|buscarlo|buscarla|buscarlos|llegar|esperarlo|esperarla|caerle) (?:\\w+ ){0,4}${ARMED}\\b`,
    `(?<!\\b(?:cancer|virus|covid|accidente|infarto|enfermedad|tristeza|alcohol|estres|droga|drogas|calor)(?: \\w+){0,2} )\\b(?:lo|la|los|las|le) ${KILL_1ST}\\b(?! (?:de (?:risa|hambre|un susto|cosquillas|amor|besos)|a (?:besos|cosquillas|abrazos))\\b)`,
    `\\b(?:consegui|compre|tengo|traigo|cargue|saque) (?:una|un|la|el|mi) (?:pistola|arma|escopeta|rifle|revolver|cuchillo|navaja|balas)\\b.*\\b(?:me las (?:va|van) a pagar|me la (?:va|van) a pagar|(?:va|van) a pagar|se lo merece|lo (?:va|van) a lamentar|se (?:va|van) a arrepentir)\\b`,
    '\\b(?:lastimar|matar|golpear|herir|hacerle dano|hacer dano|hacerles dano) a (?:alguien|cualquiera|otra persona|alguno)\\b',
    '\\b(?:le|les) (?:voy|vamos|quiero|pienso|ire) a? ?(?:dar|meter|pegar|volar) (?:un|una|unos|unas|dos|tres|varios) (?:balazo|balazos|tiro|tiros|punalada|punaladas|machetazo|machetazos|plomazo|plomazos)\\b|\\b(?:darle|meterle|pegarle) (?:un|una|unos|dos) (?:balazo|balazos|tiro|tiros|punalada|punaladas|machetazo|plomazo)\\b',
  ],
  { hyperbole: true },
);

const ROUND_2_CONCERN_ES: SafetyRule[] = [
  ...rules('concern', 'abuse', 'concern', [
    '\\bno me siento (?:muy |tan |del todo |nada )?(?:segur[ao]|a salvo)\\b(?=.*\\b(?:agresiv[ao]|violent[ao]|enoja\\w*|grita\\w*|miedo|borrach[ao]|se pone|amenaz\\w*)\\b)',
    '\\b(?:me da|me dan|me dio|me daba|tengo|tuve|tenia|siento|senti) (?:mucho |un poco de )?miedo (?:de |a )?(?:quedarme|estar con el|estar con ella|estar sola con|verlo|verla|volver a (?:la |mi )?casa|llegar a (?:la |mi )?casa|que llegue|que se enoje|como (?:va a|vaya a|reaccione|se ponga)|lo que (?:me )?(?:haga|pueda hacer|vaya a hacer|hara))\\b',
    `${NOT_NEGATED}\\b(?:golpea|golpeo|golpeaba|patea|pateo|pateaba|rompe|rompio|rompia|avienta|avento|tira|tiro|tiraba|estrella|estrello) (?:las |la |los |el )?(?:paredes|pared|puertas|puerta|cosas|platos|muebles)\\b`,
    // Yelled at, and afraid: "hoy me gritó y me dio miedo".
    `${NOT_NEGATED}\\bme (?:grito|gritaba|grita|gritonea|grito feo|insulto a gritos)\\b(?: \\w+){0,10} (?:miedo|asustad[ao]|aterrad[ao]|temblando)\\b|\\b(?:miedo|asustad[ao]|aterrad[ao])\\b(?: \\w+){0,8} me (?:grito|gritaba|grita)\\b`,
  ]),
  ...rules('concern', 'self-harm', 'concern', [
    '\\b(?:estoy|me siento|ando) (?:muy |tan |super |bien )?(?:agotad[ao]|cansad[ao]|hart[ao]) de todo\\b',
    '\\b(?:ya no|no) valgo (?:nada|la pena)\\b|\\bno sirvo para nada\\b',
    '\\b(?:ya no se|no se) (?:para que|por que|porque) (?:sigo|seguir|lo intento|sigo intentando|intento|me esfuerzo)\\b',
    '\\b(?:tengo|me da) miedo de (?:perder el control|hacer algo|lo que (?:pueda|podria) hacer|explotar)\\b|\\b(?:puedo|podria) perder el control\\b',
    '\\bnecesito (?:hablar con|a) (?:alguien|algien)\\b',
  ]),
];

/** Every Spanish rule: danger first, in the order categories are reported, then concern. */

/**
 * Round 5: constructions the round-4 blind sets showed unheard: cuts and burns given to oneself, a bottle
 * swallowed, an edge to fall from, a date set, goodbyes ("ya no voy a necesitar", "por si no amanezco"),
 * blows named as a noun and minimised ("solo fue una cachetada", "me dio unos jalones"), a pull by the hair.
 */
const BLOW_NOUN = any(
  'cachetada',
  'cachetadas',
  'cachetazo',
  'bofetada',
  'bofetadas',
  'trompada',
  'trompadas',
  'punetazo',
  'punetazos',
  'patada',
  'patadas',
  'empujon',
  'empujones',
  'zape',
  'zapes',
  'jalon',
  'jalones',
  'madrazo',
  'madrazos',
  'chingadazo',
  'guantazo',
  'tortazo',
  'pela',
  'golpiza',
  'galleta',
  'bofeton',
);
const ROUND_5_ES: SafetyRule[] = [
  ...rules(
    'danger',
    'self-harm',
    'self-injury',
    [
      '\\bme (?:di|doy|daba|hice|hago|hacia|he dado|he hecho|volvi a (?:dar|hacer)) (?:unos |otros |varios |mas |unas |otras |varias )?(?:cortes|cortadas|cortaditas|cortaduras|quemaduras|quemadas)\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'means',
    [
      '\\bme (?:tome|trague|tomo|he tomado) (?:el|un|todo el|medio|un) (?:frasco|bote|blister|paquete|tubo)\\b',
      '\\b(?:orilla|borde|filo|cornisa) del? (?:techo|azotea|puente|edificio|balcon|barranco)\\b',
      '\\bcasi me (?:aviento|tiro|lanzo|avente|tire|lance)\\b',
      '\\b(?:me voy|voy a ir|me fui) a la via del tren\\b|\\bme (?:acuesto|paro|pongo|acoste|pare) en (?:la via|las vias)\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'plan',
    [
      '\\bya (?:tengo|elegi|escogi|puse) (?:la )?fecha(?: puesta)?\\b(?! (?:para|de|del|con|en|pa)\\b)',
      '\\b(?:se|sé|decidi|pense|tengo pensado) (?:exactamente )?(?:como y (?:donde|cuando)|donde y (?:como|cuando)|cuando y (?:como|donde))\\b',
    ],
    { firm: true },
  ),
  ...rules('danger', 'self-harm', 'goodbye', [
    '\\bya no (?:voy a necesitar|necesitare|lo voy a necesitar|la voy a necesitar|los voy a necesitar|las voy a necesitar) (?:nada|eso|esto|nada de (?:eso|esto)|mis cosas|mi ropa)(?: $| (?:y|ya|asi|porque|pues|de todos modos)\\b)',
    '\\bpor si no (?:amanezco|despierto|amanesco)\\b',
    '\\b(?:que me lleve|llevame|llevarme) (?:esta noche|ya|hoy)\\b(?=.*\\b(?:dios|senor|diosito|el)\\b)|\\bme voy (?:yo )?sol[ao] (?:con el|con dios|esta noche)?\\b(?<=\\bsi no me lleva.*)',
  ]),
  ...rules('danger', 'abuse', 'physical', [
    `\\b(?:me (?:dio|dieron|da|daba|metio|mete|solto|ha dado|ha metido|pego|tiro)|solo fue|nomas fue|nada mas fue|fue solo|fueron solo|solo fueron) (?:\\w+ ){0,2}(?:una |unas |un |unos )?${BLOW_NOUN}\\b(?! de (?:realidad|la vida|suerte|humildad|animo))(?!.*\\b(?:jug\\w+|partido|futbol|ajedrez|boliche|cancha|entrenamiento|canilla|espinilla|emocional)\\b)`,
    '\\bme (?:jalo|jala|jalaba|agarro|agarra|agarraba|arrastro|arrastra|tiro|jalonea|jaloneo) (?:de|por) (?:el|la|los|las|mi|mis) (?:pelo|cabello|grena|grenas|mechas|chongo|cuello)\\b',
  ]),
];

/**
 * Round 6 (Spanish): a pull by the hair told with "volver a" and "del" ("me volvió a jalar del pelo"); going
 * to someone's house with petrol; a low rating then a plea to be called ("1, por favor llámenme ahora").
 */
const ROUND_6_ES: SafetyRule[] = [
  ...rules('danger', 'abuse', 'physical', [
    '\\bme (?:(?:volvio|vuelve|volvia|ha vuelto) a )?(?:jal\\w*|agarr\\w*|arrastr\\w*|jalone\\w*|tir\\w*) (?:de|del|por) (?:el |la |los |las |mi |mis )?(?:pelo|cabello|grena|grenas|mechas|chongo|cuello)\\b',
  ]),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      '\\b(?:voy|vamos|ire|iba) a (?:ir|llegar|caerle|presentarme) (?:\\w+ ){0,6}con (?:gasolina|un bidon|cerillos|fosforos|un encendedor)\\b|\\b(?:le|les) (?:voy a|vamos a) (?:prender|echar) (?:fuego|gasolina)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'call-for-help', 'call-for-help', [
    '^ (?:1|2|uno|dos)\\b (?:\\w+ )?(?:por favor|porfa|x favor) (?:llamenme|llameme|llamame|ayudenme|ayudame|marquenme)\\b(?! (?:cuando|manana|luego|despues|la proxima|para (?:cambiar|reprogramar))\\b)',
  ]),
];

/**
 * Round 7 (Spanish): the constructions of ROUND_7_EN in Spanish. A death threat told as reported words or a
 * note ("dice que … estoy muerta", "un papel que decía sigues tú"); "quitarle la vida" with any verb of
 * intent, a blow to a named body part in the future ("le voy a romper la mandíbula", "cortar el cuello"),
 * charging with blood, "si no tengo a mi familia nadie la tiene", "ese hoy se muere", waiting at her work
 * having brought something, petrol with someone's address; pleas for someone to be called ("llamen a
 * alguien", "comuníquense con las autoridades"), help now, "ayúdenme" misspelt, "S.O.S", not able to talk
 * with a plea, a new number to call after the phone was taken; a rope or cable tied, a goodbye set so
 * nobody stops it, resting from everything while asking others to look after someone, a bare "me
 * despido"; going out for a weapon, shaking because he came home drunk.
 */
const ROUND_7_ES: SafetyRule[] = [
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      '\\b(?:dice|dijo|decia|escribio|puso|amenazo|me grito) que (?:\\w+ ){0,8}(?:ya )?(?:estoy|estas|soy|eres|voy a estar) (?:muerta|muerto|mujer muerta|hombre muerto|la siguiente|el siguiente)\\b',
      '\\b(?:nota|papel|mensaje|recado|carta) (?:\\w+ ){0,6}(?:sigues tu|tu sigues|eres la siguiente|eres el siguiente)\\b(?! (?:en|de) (?:la )?(?:lista|fila|cola|turno)\\b)',
      `\\b(?:fue|salio|acaba de salir|se fue|va) (?:\\w+ )?(?:a )?(?:buscar|traer|por|sacar) (?:la|el|su|una|un) (?:pistola|arma|escopeta|rifle|revolver|cuchillo|navaja|machete|cuerno de chivo|cuete|fusca)\\b`,
      '\\b(?:viene|llego|esta|vino) (?:bien |muy |todo )?(?:tomado|borracho|pedo|drogado|bolo|tomada|borracha)\\b(?: \\w+){0,4} (?:tiemblo|estoy temblando|me tiembla|tengo miedo)\\b',
      '\\b(?:puerta|puertas) (?:esta |estan )?(?:cerrad[ao]s?|trancad[ao]s?|con candado) (?:con llave )?(?:desde|por) (?:a)?fuera\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'abuse', 'physical', [
    '(?<!\\b(?:no|nunca|jamas)(?: \\w+){0,2} )\\bse (?:pone|puso|ponia|vuelve|volvio) (?:bien |muy |todo )?(?:violent[oa]|agresiv[oa] (?:fisicamente|a golpes))\\b(?! con (?:los|mis|nuestros|las|nuestras) (?:ninos|nenes|hijos|hijas|ninas|chamacos|bebes|criaturas)\\b)',
  ]),
  ...rules(
    'danger',
    'harm-to-others',
    'intent',
    [
      '\\b(?:pienso|planeo|voy a|quiero|tengo pensado|estoy decidido a|estoy dispuesto a|vamos a|puedo) (?:\\w+ )?quitarle la vida\\b',
      '\\b(?:le|les) (?:voy a|vamos a|va a) (?:romper|cortar|partir|quebrar|reventar|rajar|volar|abrir) (?:el|la|los|las) (?:mandibula|cuello|cara|piernas|brazos|craneo|cabeza|nariz|dientes|hocico|costillas|garganta)\\b',
      '\\b(?:se lo|se la|me la|me lo|se los) (?:voy a|va a|vamos a) (?:cobrar|pagar) (?:\\w+ )?con (?:sangre|su vida)\\b|\\b(?:cobrar\\w*|pagar) con (?:sangre|su vida)\\b',
      '\\bsi (?:yo )?no (?:tengo|puedo tener|me quedo con) (?:a )?(?:mi familia|ella|mis hijos|los ninos|mi esposa|mi mujer) (?:entonces )?nadie (?:la|los|las|lo) (?:tiene|va a tener|tendra)\\b',
      '\\b(?:ese|esa|ese \\w+|esa \\w+|el|ella|tu) (?:hoy|esta noche|manana|este fin) se muere\\b',
      '\\b(?:la|lo) estoy esperando (?:\\w+ ){0,6}(?:su|sus) (?:trabajo|chamba|casa|oficina|escuela|parqueo)\\b(?: \\w+){0,30} traje (?:algo|la|el|mi)\\b',
      '\\b(?:gasolina|bidon)\\b(?: \\w+){0,12} su (?:direccion|casa|carro|departamento|apartamento)\\b|\\bsu (?:direccion|casa)\\b(?: \\w+){0,12} (?:gasolina|bidon)\\b',
    ],
    { hyperbole: true },
  ),
  ...rules('danger', 'call-for-help', 'call-for-help', [
    '^ (?:por favor |porfa )?(?:llamen|llamenle|hablen) (?:a alguien|a la policia|a la poli|al 911|a las autoridades|a una patrulla)\\b',
    '\\b(?:llamen|llamenle|hablen|comuniquense con|contacten a|avisen a) (?:a )?(?:la policia|la poli|las autoridades|una patrulla|al 911)\\b(?! (?:si|cuando|en caso)\\b)',
    '\\bnecesito (?:ayuda|asistencia) (?:inmediata|urgente|ahora mismo|ya mismo|ahorita mismo)\\b(?! (?:con|para|en) (?:el|la|mi|la tarea|el link)\\b)',
    '\\b(?:ayudemen|ayudenme|auxilio)\\b(?: \\w+)? (?:xfa|porfa|por favor|ya|urgente)\\b',
    '^ s o s $',
    '\\bno puedo hablar\\b(?: \\w+){0,3} (?:porfa|por favor|xfa|ayuda|ayudenme)\\b(?!.*\\b(?:luego|despues|manana|en el trabajo|manejando|en junta)\\b)',
    '\\b(?:me quito|me quitaron|me rompio|tiene) (?:el|mi) (?:celular|telefono|cel)\\b(?: \\w+){0,8} (?:llamenme|llameme|llamame|escribanme) (?:a|al) (?:este|otro|ese) numero\\b',
  ]),
  ...rules(
    'danger',
    'self-harm',
    'act',
    [
      '\\b(?:tengo|ya tengo|deje|puse|esta|ya esta) (?:el|la|una|un) (?:cable|cuerda|soga|mecate|lazo|cinturon) (?:amarrad[oa]|atad[oa]|colgad[oa]|list[oa]) (?:en|del|de la|al|a la) (?:el |la )?(?:closet|viga|techo|ventilador|puerta|arbol|barandal|escalera|garaje)\\b(?!.*\\b(?:columpio|hamaca|perro|tienda|lancha|bote|tendedero)\\b)',
      '\\b(?:despedida|carta|nota|mensaje)\\b(?: \\w+){0,10} (?:asi|para que) nadie me (?:detiene|detenga|pueda detener|pare|encuentre)\\b',
      '\\bdescanso de todo\\b(?: \\w+){0,4} cuiden (?:a|de) (?:mi|mis)\\b',
      '^ (?:ya )?me despido(?: de (?:todos|ustedes))? $',
    ],
    { firm: true },
  ),
];

/**
 * Round 11 (Spanish): a threat to set someone on fire, a whole bottle ("el pomo", Cuban) of pills, a plea
 * for someone to call for the writer.
 */
const ROUND_11_ES: SafetyRule[] = [
  ...rules(
    'danger',
    'abuse',
    'threat',
    [
      '\\b(?:te|la|lo|me) (?:prendo|prende|voy a prender|va a prender|iba a prender|prendere|prendera) fuego\\b',
    ],
    { hyperbole: true },
  ),
  ...rules(
    'danger',
    'self-harm',
    'act',
    [
      '\\bme (?:tome|tomo|trague|voy a tomar|voy a tragar) (?:el|un|todo el|medio) (?:pomo|pote|frasquito|tarro)\\b(?: \\w+){0,5} (?:pastillas|pildoras|pastas|las de|medicinas|remedios)\\b',
    ],
    { firm: true },
  ),
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '\\b(?:pueden|puede|podrian|podria|puedes|podes) llamar (?:a )?(?:alguien|la policia|el 911|911|una ambulancia|a la policia)\\b(?: \\w+){0,2} por mi\\b',
    ],
    { unlessAboutApp: true, firm: true },
  ),
];

/**
 * Round 13's Spanish pleas (from its writers' misses, measured unseen): "vengan por mí" or "ven a
 * buscarme" alone (with "ya", "porfa"), and "por favor alguien" / "alguien por favor" alone. Only alone: "ven
 * por mí al aeropuerto a las 5" is a ride.
 */
const ROUND_13_ES: SafetyRule[] = [
  ...rules(
    'danger',
    'call-for-help',
    'call-for-help',
    [
      '^ (?:por favor )*(?:vengan|venga|ven|vente|vengase) (?:por mi|a buscarme|a sacarme)(?: (?:por favor|ya|rapido|ahorita|ahora|urgente|ayuda))* ?$',
      '^ (?:por favor )+(?:alguien|quien sea)(?: (?:ayuda|ayudeme|ayudenme|por favor))* ?$|^ (?:alguien|quien sea) (?:por favor|ayuda)(?: (?:ayuda|ayudeme|ayudenme|por favor))* ?$',
    ],
    { unlessAboutApp: true, firm: true },
  ),
];

export const ES_RULES: readonly SafetyRule[] = [
  ...ROUND_13_ES,
  ...ROUND_11_ES,
  ...ROUND_7_ES,
  ...ROUND_6_ES,
  ...ROUND_5_ES,
  ...SELF_HARM,
  ...ABUSE,
  ...ROUND_2_ES,
  ...HARM_TO_OTHERS,
  ...ROUND_2_HARM_TO_OTHERS_ES,
  ...CALL_FOR_HELP,
  ...CONCERN,
  ...ROUND_2_CONCERN_ES,
];
