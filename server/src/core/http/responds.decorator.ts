import { SetMetadata } from '@nestjs/common';

export const RESPONDS_WITH = 'openapi:responds-with';

/** Names the documented schema of a route's success body (see src/openapi/response-schemas.ts). */
export const RespondsWith = (schema: string) => SetMetadata(RESPONDS_WITH, schema);
