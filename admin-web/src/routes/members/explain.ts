import type { Explanation } from '../../api/types';

type Step = Explanation['chain'][number]['step'];

/** The checks the server makes, in the order it makes them. */
export const STEP_LABELS: Record<Step, string> = {
  membership: 'Member of this workspace',
  role: 'Role',
  permission: 'Permission in the role',
};

/** One sentence answering the question, naming the step that decided it when the answer is no. */
export function explanationVerdict(explanation: Explanation, who: string, permissionLabel: string): string {
  if (explanation.allowed) return `${who} may ${lowerFirst(permissionLabel)}.`;
  const failed = explanation.chain.find((step) => !step.passed);
  const because = failed ? ` ${failed.detail}` : '';
  return `${who} may not ${lowerFirst(permissionLabel)}.${because}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
