import type { Server } from 'node:http';
export interface PlaygroundServer {
  url: string;
  port: number;
  close(): Promise<void>;
  server: Server;
}
export function startServer(options?: { port?: number; host?: string; outDir?: string; distDir?: string }): Promise<PlaygroundServer>;
