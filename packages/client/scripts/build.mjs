// Builds the published form of @registry/client exactly as @registry/domain's is built (ADR 014): ES modules and
// CommonJS with declarations and source maps, by the domain's build script given this package's folder. It is
// compiled against the domain's built declarations (tsconfig paths), as a user's install has them.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const build = fileURLToPath(new URL("../../domain/scripts/build.mjs", import.meta.url));
// The domain's dist/ is built before (turbo: the client's build depends on the domain's); the build script holds
// the build lock while compiling against it, so a pack test cannot rebuild it meanwhile.
execFileSync(process.execPath, [build, root], { stdio: "inherit" });
