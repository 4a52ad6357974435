/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers stay outside the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg", "pg", "bcryptjs"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
