import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppLink } from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ConversationView } from "@/components/inbox/conversation-view";
import { requireMember } from "@/lib/auth/require-member";
import { inboxConversation } from "@/lib/inbox/views";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.inbox");
  return { title: t("title") };
}

export default async function InboxConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const view = await inboxConversation(await getDb(), member, id.data);
  if (!view) notFound();
  const t = await getTranslations();
  return (
    <div className="px-4 py-6 sm:px-8 sm:py-8">
      <AppLink href="/inbox" className="text-sm font-medium text-indigo-700 hover:underline">
        {t("inbox.back")}
      </AppLink>
      {/* Loaded above (a conversation of another account is a 404): the view starts from it. */}
      <ConversationView key={id.data} conversationId={id.data} initial={view} />
    </div>
  );
}
