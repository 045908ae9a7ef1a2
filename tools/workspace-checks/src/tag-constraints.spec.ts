import { workspaceProjects } from '@rekindle/tools-registry';
import { resolvedDepConstraints } from './resolved-lint-config';

// @nx/enforce-module-boundaries applies every row whose sourceTag a project carries, and complains
// only when none matches: a project tagged `scope:campaign, type:app` with no `scope:campaign` row
// passes on its `type:app` row alone, with no scope isolation at all. Hence these checks.
const axes = /^(scope|type):/;

describe('module-boundary constraints of eslint.config.mjs', () => {
  const projects = workspaceProjects();
  const constrained = new Set(resolvedDepConstraints().map((row) => row.sourceTag));
  const carried = new Set(projects.flatMap((project) => project.tags).filter((tag) => axes.test(tag)));

  it('finds the projects and their tags', () => {
    expect([...carried]).toEqual(expect.arrayContaining(['scope:shared', 'scope:tools', 'type:app', 'type:core']));
  });

  it('has a row for every scope: and type: tag a project carries', () => {
    const unconstrained = projects.flatMap((project) =>
      project.tags.filter((tag) => axes.test(tag) && !constrained.has(tag)).map((tag) => `${project.root} (${tag})`),
    );
    expect(unconstrained).toEqual([]);
  });

  it('has no row for a scope: or type: tag that no project carries', () => {
    expect([...constrained].filter((tag) => axes.test(tag) && !carried.has(tag))).toEqual([]);
  });
});
