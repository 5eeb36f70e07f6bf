import { useQuery } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useEffect } from "react";
import { Login } from "./screens/login.tsx";
import { SessionCtx } from "./auth/session.tsx";
import { SourcesProvider } from "./components/sources.tsx";
import { ErrorNote, Loading } from "./components/ui.tsx";
import { useI18n } from "./i18n/index.tsx";
import { router } from "./routes.tsx";
import { client, queryClient, trpc } from "./trpc.ts";

export function App() {
  const { lang } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  const reload = () => void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorNote error={me.error} onRetry={reload} />;
  const user = me.data.user;
  if (!user)
    return <Login initialStage={me.data.pendingSecondFactor ? "totp" : "password"} onDone={reload} />;
  const logout = () => {
    // Nothing cached for one curator is shown to the next.
    void client.auth.logout.mutate().finally(() => queryClient.clear());
  };
  return (
    <SessionCtx.Provider value={{ user, logout }}>
      <SourcesProvider>
        <RouterProvider router={router} />
      </SourcesProvider>
    </SessionCtx.Provider>
  );
}
