import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` writes a new migration after a change to src/main/db/schema.ts. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema.ts',
  out: './resources/migrations',
});
