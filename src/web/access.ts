import { createContext, useContext } from 'react';

// What the logged-in user's role may do: the scopes the session answers (read, write,
// admin). A page offers an action only when the user has the scope its route needs, and
// says why not otherwise, rather than letting the API refuse it.

export const ScopesContext = createContext<readonly string[]>([]);

/** Whether the logged-in user has `scope` (admin: publish a program, run the scores). */
export const useCan = () => {
  const scopes = useContext(ScopesContext);
  return (scope: 'read' | 'write' | 'admin') => scopes.includes(scope);
};
