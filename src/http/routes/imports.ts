import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';

// CSV upload from the dashboard; filled in when the imports module lands.
export function importRoutes(_app: FastifyInstance, _s: Services, _prefix: string) {}
