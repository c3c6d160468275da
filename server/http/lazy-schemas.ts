/**
 * Route schemas compiled on first use instead of at start. Fastify compiles a validator (ajv) and
 * a serializer (fast-json-stringify) for every route when the app becomes ready — ~0,4 s of every
 * cold start and of every test app, for routes most sessions never call. These factories are
 * fastify's own, wrapped so each route's function is built the first time a request needs it.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type BuildValidator = (external: Record<string, unknown>, options?: unknown) => (route: unknown) => Validate;
type BuildSerializer = (external: Record<string, unknown>, options?: unknown) => (route: unknown) => (doc: unknown) => string;

const eagerValidator = AjvCompiler() as unknown as BuildValidator;
const eagerSerializer = SerializerSelector() as unknown as BuildSerializer;

const lazyValidatorFactory: BuildValidator = (external, options) => {
  const compile = eagerValidator(external, options);
  return (route) => {
    let fn: Validate | undefined;
    const validate = ((data: unknown) => (fn ??= compile(route))(data)) as Validate;
    // Fastify reads `.errors` of the function it called after a failed validation.
    Object.defineProperty(validate, 'errors', { get: () => fn?.errors });
    return validate;
  };
};

const lazySerializerFactory: BuildSerializer = (external, options) => {
  const compile = eagerSerializer(external, options);
  return (route) => {
    let fn: ((doc: unknown) => string) | undefined;
    return (doc) => (fn ??= compile(route))(doc);
  };
};

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** For `Fastify({ schemaController: { compilersFactory } })`. */
export const lazyCompilersFactory = { buildValidator: lazyValidatorFactory, buildSerializer: lazySerializerFactory } as unknown as CompilersFactory;
