import type { Validator } from '../../validate.ts';

type MethodsOf<A> = { [K in keyof A]: K extends `onDid${string}` ? never : K }[keyof A];
type EventsOf<A> = Exclude<keyof A, MethodsOf<A>>;

/**
 * One area's part of the contract: an argument-validator list per method, a flag per event. `satisfies
 * ContractSection<XApi>` makes the compiler check that the table names exactly the interface's members.
 */
export interface ContractSection<A> {
  readonly methods: { readonly [K in MethodsOf<A>]: readonly Validator<unknown>[] };
  readonly events: { readonly [K in EventsOf<A>]: true };
}
