import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers of DESIGN.md, enforced: lib/core is pure (no framework, no database, no clock: `now`
 * and the time zone are arguments), and app/ reaches the database only through the use cases in
 * lib/<feature> (it may hold a client to pass along, never query with it).
 */
const FRAMEWORK = ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*", "react", "react/*", "react-dom", "react-dom/*"];
const DATABASE = ["@prisma/*", "prisma", "better-sqlite3", "pg", "@/lib/generated/*", "@/lib/generated/**"];

const pureCore = {
  files: ["lib/core/**/*.ts", "lib/core/**/*.tsx"],
  rules: {
    "no-restricted-imports": ["error", {
      patterns: [
        { group: [...FRAMEWORK, ...DATABASE], message: "lib/core is pure: no framework or database imports (DESIGN.md, layers)." },
        { group: ["@/lib/*", "!@/lib/core", "@/lib/*/**", "!@/lib/core/**", "@/app/*", "@/app/**"], message: "lib/core may import only lib/core." },
      ],
    }],
    "no-restricted-syntax": ["error",
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "lib/core has no clock: take `now` as an argument." },
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "lib/core has no clock: take `now` as an argument." },
      { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: "lib/core has no clock." },
    ],
  },
};

const DB_MEMBERS = "/^(user|deck|card|reviewState|reviewLog|quizAttempt|quizQuestion|rateLimiterFlexible|\\$queryRaw|\\$queryRawUnsafe|\\$executeRaw|\\$executeRawUnsafe|\\$transaction)$/";

const appThroughUseCases = {
  files: ["app/**/*.ts", "app/**/*.tsx"],
  rules: {
    "no-restricted-imports": ["error", {
      patterns: [{ group: DATABASE, message: "app/ reaches the database through lib/<feature> use cases." }],
    }],
    "no-restricted-syntax": ["error",
      { selector: `MemberExpression[property.name=${DB_MEMBERS}][object.type='Identifier'][object.name=/^(db|tx|prisma|client)$/]`, message: "Query in a lib/<feature> use case, not in app/." },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  pureCore,
  appThroughUseCases,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "data/**", ".tmp/**", "next-env.d.ts"] },
];

export default config;
