/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers stay outside the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg", "pg", "bcryptjs"],
  poweredByHeader: false,
  // Parallel builds (one per worktree user) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: { authInterrupts: true },
};

export default nextConfig;
