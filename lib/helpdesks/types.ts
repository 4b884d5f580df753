/** A ticket Baton created or found in a helpdesk. */
export type HelpdeskTicketRef = {
  id: number;
  /** Where an agent opens the ticket in the helpdesk's own interface. */
  url: string;
};

export type FoundHelpdeskTicket = HelpdeskTicketRef & {
  status: string;
  externalId: string | null;
  createdAt: Date;
};
