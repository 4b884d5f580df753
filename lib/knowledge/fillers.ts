// Words that carry no topic in a shopper's question ("hi", "please", "I want to know"), per
// language, on top of the text search configuration's stop words. They are dropped from the
// question and from the entries' phrasings before scoring, so "Can I get a refund?" is read as
// "refund". Kept short and generic on purpose: a topic word here would make the answerer blind
// to it.
export const FILLER_WORDS: Record<string, readonly string[]> = {
  en: ["hi", "hello", "hey", "please", "thanks", "thank", "want", "wonder", "wondering", "know", "need", "get", "got", "tell", "like", "would", "could", "possible", "way", "anyone", "help", "question", "just", "usually", "actually", "someone", "something", "much", "many", "also", "still", "already", "since", "let", "yes", "ok", "use"],
  "pt-BR": ["oi", "ola", "olá", "bom", "boa", "dia", "tarde", "noite", "favor", "obrigado", "obrigada", "queria", "quero", "gostaria", "saber", "preciso", "posso", "consigo", "da", "dá", "tem", "têm", "tenho", "fazer", "faço", "voce", "você", "voces", "vocês", "vc", "vcs", "alguem", "alguém", "ajuda", "duvida", "dúvida", "so", "só", "ainda", "ja", "já", "aqui", "ai", "aí", "pra", "pro", "tudo", "sim", "ok", "consegue", "pode", "podem", "cade", "cadê"],
  es: ["hola", "por", "favor", "gracias", "quiero", "quisiera", "saber", "necesito", "puedo", "usted", "ustedes"],
  fr: ["bonjour", "salut", "merci", "veux", "voudrais", "savoir", "besoin", "peux", "vous"],
  de: ["hallo", "bitte", "danke", "möchte", "wissen", "brauche", "kann", "ihr", "sie"],
};
