import type { FastifyRequest } from 'fastify';

/** The signed-in user of a request (set by the authentication layer when present). */
export interface RequestUser {
  id: number;
  username: string;
  role: 'viewer' | 'editor' | 'admin';
  provinceCode: string | null;
  communeCodes: readonly string[];
  clusterIds: readonly number[];
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: RequestUser | null;
  }
}

/** Who is writing, for the audit log. */
export function actorOf(req: FastifyRequest): string {
  return req.user?.username ?? 'anonymous';
}
