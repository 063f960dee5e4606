// The console API's own input rules (lib/api zod schemas) applied to SVC input, refused in SVC words.
import type { z } from 'zod';
import type { SvcError } from './errors';

export function checked<S extends z.ZodType>(schema: S, value: z.input<S>, refuse: (detail: string) => SvcError): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw refuse(result.error.issues.map((issue) => issue.message).join('; '));
}
