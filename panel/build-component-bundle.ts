import { componentsBundler } from 'adminjs/bundler';

/** Run by ensureComponentBundle: reads the generated entry from stdin and writes the bundle AdminJS serves. */
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
await componentsBundler.createEntry({ content: Buffer.concat(chunks).toString('utf8') });
await componentsBundler.build();
