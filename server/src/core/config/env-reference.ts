import { getMetadataStorage } from 'class-validator';
import { envVariablesOf } from './env.decorator';
import { CONFIG_NAMESPACES } from './namespaces';

interface DocumentedVariable {
  namespace: string;
  name: string;
  description: string;
  defaultValue: string;
  rule: string;
  sensitive: boolean;
  example?: string;
}

const RULE_WORDS: Record<string, (args: unknown[]) => string> = {
  isInt: () => 'integer',
  isBoolean: () => 'true/false',
  isString: () => 'text',
  min: ([n]) => `≥ ${String(n)}`,
  max: ([n]) => `≤ ${String(n)}`,
  minLength: ([n]) => `at least ${String(n)} characters`,
  maxLength: ([n]) => `at most ${String(n)} characters`,
  isIn: ([values]) => `one of ${(values as readonly string[]).join(', ')}`,
  matches: ([pattern]) => `matches \`${String(pattern)}\``,
  isOptional: () => 'optional',
};

function ruleOf(namespace: new () => object, property: string): string {
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(namespace, '', true, false)
    .filter((m) => m.propertyName === property);
  return metadata
    .map((m) => {
      const name = m.name ?? m.type;
      const word = RULE_WORDS[name];
      const each = m.each ? 'each ' : '';
      return word ? each + word(m.constraints ?? []) : name;
    })
    .join(', ');
}

function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function documentedVariables(): DocumentedVariable[] {
  return Object.entries(CONFIG_NAMESPACES).flatMap(([namespace, Namespace]) => {
    const defaults = new Namespace() as unknown as Record<string, unknown>;
    return envVariablesOf(Namespace).map((variable) => ({
      namespace,
      name: variable.name,
      description: variable.description,
      defaultValue: formatDefault(defaults[variable.property]),
      rule: ruleOf(Namespace, variable.property),
      sensitive: variable.sensitive ?? false,
      example: variable.example,
    }));
  });
}

const GENERATED_NOTE = 'Generated from server/src/core/config by `npm run env:docs`; do not edit by hand.';

export function renderEnvReference(): string {
  const lines = [
    '# Environment variables',
    '',
    `<!-- ${GENERATED_NOTE} -->`,
    '',
    'Every variable the server reads, validated once at boot. An invalid value stops the boot with a list of every problem.',
    'Sensitive values are never printed.',
    '',
  ];
  const variables = documentedVariables();
  for (const namespace of Object.keys(CONFIG_NAMESPACES)) {
    lines.push(
      `## ${namespace}`,
      '',
      '| Variable | Default | Rule | Description |',
      '| --- | --- | --- | --- |',
    );
    for (const v of variables.filter((item) => item.namespace === namespace)) {
      const shownDefault = v.defaultValue === '' ? '—' : `\`${v.defaultValue}\``;
      const description = v.description.replace(/\|/g, '\\|') + (v.sensitive ? ' **Sensitive.**' : '');
      lines.push(`| \`${v.name}\` | ${shownDefault} | ${v.rule.replace(/\|/g, '\\|')} | ${description} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderEnvExample(): string {
  const lines = [
    `# ${GENERATED_NOTE}`,
    '# Copy to .env and adjust. Unset or empty variables keep their default.',
    '',
  ];
  for (const namespace of Object.keys(CONFIG_NAMESPACES)) {
    lines.push(`# --- ${namespace} ---`);
    for (const v of documentedVariables().filter((item) => item.namespace === namespace)) {
      lines.push(`# ${v.description}`, `# Rule: ${v.rule}`);
      lines.push(`# ${v.name}=${v.example ?? v.defaultValue}`, '');
    }
  }
  return lines.join('\n');
}
