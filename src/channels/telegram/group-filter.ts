import type { Message } from 'telegraf/types';

/** What the group rule needs to know about the bot. */
export interface BotIdentity {
  id: number;
  username: string;
}

const isGroupChat = (type: string) => type === 'group' || type === 'supergroup';

function mentionsBot(message: Message, bot: BotIdentity): boolean {
  const text = 'text' in message ? message.text : 'caption' in message ? (message.caption ?? '') : '';
  const entities =
    'text' in message ? message.entities : 'caption' in message ? message.caption_entities : undefined;
  const handle = `@${bot.username}`.toLowerCase();
  return (entities ?? []).some((e) => {
    if (e.type === 'mention') return text.slice(e.offset, e.offset + e.length).toLowerCase() === handle;
    if (e.type === 'text_mention') return e.user.id === bot.id;
    if (e.type === 'bot_command' && e.offset === 0) {
      const to = text.slice(0, e.length).split('@')[1];
      return to === undefined || to.toLowerCase() === bot.username.toLowerCase();
    }
    return false;
  });
}

/**
 * Whether the bot should react to a message: always in private chats; in groups only when it is
 * mentioned, replied to, or given one of its commands — even if privacy mode is off.
 */
export function isAddressedToBot(message: Message, chatType: string, bot: BotIdentity): boolean {
  if (!isGroupChat(chatType)) return true;
  if ('reply_to_message' in message && message.reply_to_message?.from?.id === bot.id) return true;
  return mentionsBot(message, bot);
}

/** The question without the bot's @mention. */
export function stripMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), ' ').trim();
}
