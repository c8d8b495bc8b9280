import type { ActorKind } from '../audit';
import type { WorkspaceContext } from '../permissions';

/** Who an audit event names: the person, or the API token acting for them. */
export function actorOf(ws: WorkspaceContext): { id: string; kind: ActorKind } {
  return ws.principal.kind === 'token'
    ? { id: ws.principal.tokenId, kind: 'token' }
    : { id: ws.principal.userId, kind: 'user' };
}
