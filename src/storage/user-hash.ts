import { createHmac } from 'node:crypto';

/**
 * Keyed hash of a user id (HMAC-SHA256 with the deployment's salt, first 16 bytes as hex). Raw
 * Telegram ids are never stored: the hash lets the bureau count and group a user's questions
 * without being able to look the person up.
 */
export function hashUserId(id: number | string, salt: string): string {
  return createHmac('sha256', salt).update(String(id)).digest().subarray(0, 16).toString('hex');
}
