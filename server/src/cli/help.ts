/** The text of `podlab --help`. */
export const HELP = `Usage: podlab lint [options] [PATH...]

Checks Kubernetes manifests with the same analysis as the Podlab editor extension.
PATH is a file, a folder (its *.yaml and *.yml files, recursively, skipping .git and
node_modules; each folder is one workspace, so cross-file rules see all of it) or -
for standard input. Default: the current folder.

Options:
  -f, --format FORMAT[=FILE]   text (default), json, sarif or github; repeat to write
                               several, each but one to a FILE
      --fail-on SEVERITY       exit 1 when a finding is at or above it: error (default),
                               warning, information or hint
      --rule ID=SEVERITY       change a rule's severity or turn it off (repeatable):
                               error, warning, information, hint, off
      --kubernetes-version X.Y the release the cluster runs (removed API versions)
  -c, --config FILE            read settings from FILE instead of the .podlab.yaml
                               found upward from each path
      --fix                    apply each finding's preferred fix in place (comments
                               and formatting stay) and print what changed
      --stdin-filename NAME    the name standard input is reported (and configured) as
  -q, --quiet                  report only findings at or above --fail-on, no summary
  -v, --version                print the version
  -h, --help                   print this help

.podlab.yaml (found upward from each file; the editor reads it too):
  kubernetesVersion: "1.33"
  rules: { image-tag: off, missing-resources: information }
  ignore: [ "charts/**", "*.generated.yaml" ]

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 a usage error or an
input that cannot be read.

Examples:
  podlab lint                                   lint the current folder
  podlab lint k8s/ --fail-on warning            fail on warnings too
  podlab lint . --format github --format sarif=podlab.sarif
  podlab lint deploy.yaml --rule image-tag=off --kubernetes-version 1.29
  kustomize build overlays/prod | podlab lint - --stdin-filename prod.yaml
  podlab lint manifests/ --fix
`;
