import 'reflect-metadata';

export interface EnvOptions {
  /** What the variable does, shown in boot errors, `.env.example` and the env reference. */
  description: string;
  /** Never printed: boot errors and docs show `***` instead of the value. */
  sensitive?: boolean;
  /** Value shown in `.env.example` when the variable has no default. */
  example?: string;
  /** How the text is converted; needed only when the property has no default to infer it from. */
  type?: 'boolean';
}

export interface EnvVariable extends EnvOptions {
  name: string;
  property: string;
}

const ENV_VARIABLES = Symbol('env:variables');

/** Binds a configuration property to one environment variable. */
export function Env(name: string, options: EnvOptions): PropertyDecorator {
  return (target, property) => {
    const existing: EnvVariable[] = Reflect.getOwnMetadata(ENV_VARIABLES, target.constructor) ?? [];
    Reflect.defineMetadata(
      ENV_VARIABLES,
      [...existing, { ...options, name, property: String(property) }],
      target.constructor,
    );
  };
}

export function envVariablesOf(namespace: abstract new () => object): EnvVariable[] {
  return Reflect.getOwnMetadata(ENV_VARIABLES, namespace) ?? [];
}
