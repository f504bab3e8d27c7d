import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-io.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks `Authorization: Bearer <ADMIN_TOKEN>` in constant time (both sides hashed first, so the
 * comparison does not leak the token's length either). Throws HttpError 401 otherwise; when no
 * ADMIN_TOKEN is configured, every admin request is refused with a message saying how to enable it.
 */
export function requireAdmin(authorization: string | undefined, adminToken: string | undefined): void {
  const challenge = { headers: { 'www-authenticate': 'Bearer realm="admin"' } };
  if (!adminToken) {
    throw new HttpError(
      401,
      'The admin API is disabled: set ADMIN_TOKEN on the server to enable it.',
      challenge,
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(adminToken)) || !match) {
    throw new HttpError(
      401,
      'Missing or wrong admin token: send "Authorization: Bearer <ADMIN_TOKEN>".',
      challenge,
    );
  }
}
