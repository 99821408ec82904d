// A consumer of the TypeScript client types generated from openapi/openapi.json by
// openapi-typescript: type-checked with `tsc --strict` by .ci/lint-spec, so a change to the
// contract that breaks a front end's code is seen in CI.
import type { components, paths } from "./api";

type Summary =
  paths["/api/v1/reports/summary"]["get"]["responses"][200]["content"]["application/json"];
type SummaryQuery = NonNullable<paths["/api/v1/reports/summary"]["get"]["parameters"]["query"]>;
type Learners =
  paths["/api/v1/learners"]["get"]["responses"][200]["content"]["application/json"];
type Problem = components["schemas"]["Problem"];
type Dimension = components["schemas"]["GroupDimension"];

export const byCenter: SummaryQuery = { from: 2019, to: 2019, group_by: ["center"] };
export const dimensions: Dimension[] = ["year", "center", "category", "program"];
export const enrollments = (s: Summary): number => s.total.enrollments;
export const names = (page: Learners): string[] => page.items.map((l) => l.full_name);
export const nextCursor = (page: Learners): string | null | undefined => page.next_cursor;
export const say = (p: Problem): string => p.detail ?? p.title;
