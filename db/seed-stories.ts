// The demo stores' content: what each store's Customer Agent knows, what its shoppers ask, who
// they are and how the team answers. Demo Store is American and English; Loja Demo is Brazilian
// and Portuguese. The assistant's own lines come from the shopper catalogs, as in production.
import { answeredQuestions, unansweredTopics, type HistoryTopics } from "@/db/seed-history-plan";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";

export type DemoStory = {
  locale: ShopperLocale;
  knowledge: ReadonlyArray<{ question: string; answer: string; variants?: readonly string[] }>;
  /** The merchant's synonym groups for the answerer, in the story's language. */
  synonyms: ReadonlyArray<readonly string[]>;
  topics: HistoryTopics;
  firstNames: readonly string[];
  lastNames: readonly string[];
  emailDomain: string;
  /** The country prefix of the story's SMS shoppers' made-up numbers. */
  phonePrefix: string;
  /** The merchant's custom message (with its links' labels), as the history shows it. */
  customMessage: string;
  humanReply: string;
  /** The members who answered the Baton Inbox handoffs. */
  team: readonly string[];
};

/** What the demo Customer Agent knows about Demo Store. */
export const demoKnowledge = [
  {
    question: "How long does shipping take?",
    variants: [
      "When will my order arrive?",
      "How many days until my order arrives?",
      "What is the delivery time?",
      "How fast do you ship?",
      "When will my order ship?",
    ],
    answer: "Orders ship within 1 business day and arrive in 3–5 business days in the US. You'll get a tracking link by email as soon as your order ships.",
  },
  {
    question: "What is your return policy?",
    variants: [
      "Can I return my shoes?",
      "Can I get a refund?",
      "How many days do I have to return an item?",
      "How do I send shoes back?",
      "Can I exchange for another size?",
      "Can I return them if they don't fit?",
    ],
    answer: "You can return unworn items within 30 days of delivery for a full refund. Start a return from the link in your order confirmation email.",
  },
  {
    question: "Do you ship internationally?",
    variants: ["Do you ship to other countries?", "Do you ship outside the US?", "Do you deliver abroad?", "Do you charge customs duties?"],
    answer: "Yes, we ship to 40 countries. International orders arrive in 7–14 business days; duties are calculated at checkout.",
  },
  {
    question: "How can I track my order?",
    variants: ["Where is my order?", "What is the status of my order?", "Do you have a tracking number for my order?"],
    answer: "Use the tracking link in your shipping confirmation email, or sign in to your account and open Orders.",
  },
  {
    question: "What sizes do you offer?",
    variants: ["What sizes do the shoes come in?", "Do you have half sizes?", "Which size should I pick?", "Is there a size guide?"],
    answer: "Our shoes come in EU sizes 36 to 47, including half sizes. The size guide on each product page has foot-length measurements.",
  },
  {
    question: "Which payment methods do you accept?",
    variants: ["Do you accept PayPal?", "Which credit cards do you accept?", "How can I pay?", "Can I pay with Apple Pay?"],
    answer: "We accept Visa, Mastercard, American Express, PayPal, Apple Pay and Google Pay.",
  },
];

/** Demo Store's synonym groups: the first word of each names the group. */
export const demoSynonyms: ReadonlyArray<readonly string[]> = [
  ["return", "refund", "money back", "send back", "exchange"],
  ["ship", "shipping", "deliver", "delivery", "send", "arrive"],
  [
    "international",
    "internationally",
    "abroad",
    "overseas",
    "outside",
    "other countries",
    "worldwide",
    "canada",
    "uk",
    "united kingdom",
    "australia",
    "europe",
    "ireland",
    "japan",
  ],
  ["order", "package", "parcel", "purchase", "shoes", "sneakers", "boots", "sandals", "loafers", "pair", "item"],
  ["track", "tracking", "status"],
  ["payment", "pay", "card", "credit card", "paypal", "visa", "mastercard", "amex", "american express", "apple pay", "google pay"],
  ["method", "option"],
  ["accept", "take"],
];

export const demoStoreStory: DemoStory = {
  locale: "en",
  knowledge: demoKnowledge,
  synonyms: demoSynonyms,
  topics: { answered: answeredQuestions, unanswered: unansweredTopics },
  firstNames: ["Maya", "Liam", "Sofia", "Noah", "Ava", "Lucas", "Emma", "Ethan", "Zoe", "Mateo", "Chloe", "Owen", "Nina", "Leo", "Iris", "Hugo"],
  lastNames: ["Silva", "Brown", "Costa", "Miller", "Garcia", "Wilson", "Moore", "Lopez", "Clark", "Young", "Reed", "Ward"],
  emailDomain: "example.net",
  phonePrefix: "+1555",
  customMessage: "Sorry, I couldn't find an answer to that. These pages answer most questions: Help centre, Contact us.",
  humanReply: "Hi, thanks for waiting! Let me look into that for you.",
  team: ["agent@demo.test", "lead@demo.test"],
};

/** What Loja Demo's Customer Agent knows (in Portuguese, searched with the Portuguese stemmer). */
export const lojaKnowledge = [
  {
    question: "Quanto tempo demora a entrega?",
    variants: ["Qual o prazo de entrega?", "Em quantos dias meu pedido chega?", "Quando meu pedido é despachado?", "Quanto tempo demora para chegar?"],
    answer:
      "Despachamos em até 1 dia útil, e a entrega leva de 3 a 7 dias úteis para todo o Brasil. Você recebe o código de rastreio por e-mail assim que o pedido sai.",
  },
  {
    question: "Como funcionam as trocas e devoluções?",
    variants: ["Posso trocar o tamanho?", "Como devolvo um produto?", "Vocês fazem reembolso?", "Qual o prazo para trocar?"],
    answer:
      "Você pode trocar ou devolver pares sem uso em até 30 dias depois do recebimento, com reembolso total. É só usar o link do e-mail de confirmação do pedido.",
  },
  {
    question: "Vocês entregam fora do Brasil?",
    variants: ["Vocês enviam para o exterior?", "Vocês entregam em outros países?"],
    answer: "Por enquanto entregamos só no Brasil, em todos os estados.",
  },
  {
    question: "Como acompanho meu pedido?",
    variants: ["Onde está meu pedido?", "Qual o código de rastreio?", "Qual o status do meu pedido?"],
    answer: "Use o código de rastreio do e-mail de envio, ou entre na sua conta e abra Meus pedidos.",
  },
  {
    question: "Quais numerações vocês têm?",
    variants: ["Qual tamanho devo escolher?", "Tem tabela de medidas?", "Quais tamanhos vocês têm?"],
    answer: "Nossos calçados vão do 34 ao 44. Cada produto tem uma tabela de medidas com o comprimento do pé.",
  },
  {
    question: "Quais formas de pagamento vocês aceitam?",
    variants: ["Como posso pagar?", "Aceitam Pix?", "Aceitam cartão de crédito?", "Posso pagar com boleto?"],
    answer: "Aceitamos Pix, boleto e cartão de crédito em até 6 vezes sem juros (Visa, Mastercard, Elo e American Express).",
  },
];

/** Loja Demo's synonym groups. */
export const lojaSynonyms: ReadonlyArray<readonly string[]> = [
  ["troca", "trocar", "devolução", "devolver", "reembolso", "dinheiro de volta", "estorno"],
  ["entrega", "entregar", "envio", "enviar", "chegar", "despachar", "mandar"],
  ["exterior", "internacional", "outros países", "portugal", "estados unidos", "eua", "europa"],
  ["pedido", "encomenda", "compra", "pacote"],
  ["rastreio", "rastrear", "rastreamento", "acompanhar", "status"],
  ["numeração", "tamanho", "número", "medida", "calço"],
  ["pagamento", "pagar", "cartão", "cartão de crédito", "pix", "boleto"],
  ["calçado", "sapato", "tênis", "bota", "sandália", "par", "produto"],
];

export const lojaDemoStory: DemoStory = {
  locale: "pt-BR",
  knowledge: lojaKnowledge,
  synonyms: lojaSynonyms,
  topics: {
    answered: lojaKnowledge.map((k) => k.question),
    unanswered: [
      [
        "Posso mudar o endereço de entrega?",
        "Como mudo o endereço de entrega do meu pedido?",
        "mudar endereço de entrega depois da compra",
        "Dá para mudar o endereço de entrega?",
      ],
      ["A gravação é feita à mão?", "A gravação é feita à mão ou à máquina?", "gravação feita à mão"],
      ["Posso cancelar meu pedido?", "Como cancelo meu pedido?", "cancelar meu pedido por favor"],
      ["Vocês fazem embrulho para presente?", "Dá para embrulhar para presente?", "Tem embrulho para presente?"],
      ["O couro de vocês é vegano?", "O couro é vegano?", "Os produtos de couro são veganos?"],
      ["Posso usar dois cupons de desconto?", "Dá para usar dois cupons de desconto?", "usar dois cupons de desconto juntos"],
      ["Vocês têm loja física em São Paulo?", "Tem loja em São Paulo?", "Onde fica a loja de vocês em São Paulo?"],
      ["O rastreio diz entregue mas não recebi", "Consta como entregue mas o pacote não chegou", "pedido entregue mas não recebi"],
      ["Posso parcelar em 12 vezes?", "Dá para parcelar em 12x?"],
      ["Vocês cobrem o preço de outra loja?", "Vocês cobrem oferta da concorrência?"],
      ["Quando a bota preta volta ao estoque?", "A bota preta vai voltar ao estoque?"],
      ["Posso retirar o pedido na loja?", "Dá para retirar pessoalmente?"],
    ],
  },
  firstNames: [
    "Ana",
    "João",
    "Mariana",
    "Pedro",
    "Beatriz",
    "Lucas",
    "Juliana",
    "Gabriel",
    "Camila",
    "Rafael",
    "Larissa",
    "Thiago",
    "Fernanda",
    "Bruno",
    "Letícia",
    "Caio",
  ],
  lastNames: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Carvalho", "Ribeiro"],
  emailDomain: "exemplo.com.br",
  phonePrefix: "+55119",
  customMessage: "Desculpe, não encontrei uma resposta para isso. Estas páginas respondem às dúvidas mais comuns: Central de ajuda, Fale conosco.",
  humanReply: "Oi, obrigado por esperar! Vou verificar isso para você.",
  team: ["agent@loja.test", "lead@loja.test"],
};
