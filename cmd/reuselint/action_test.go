package main_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/reuselint/reuselint/cmd/internal/sariftest"
)

// action is the part of action.yml the test reads.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
	With             map[string]string `yaml:"with"`
	Run              string            `yaml:"run"`
}

// expressionRE matches a ${{ }} expression of the workflow syntax.
var expressionRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// actionRun runs the shell steps of action.yml the way a GitHub runner
// runs a composite action's steps, leaving out the upload step (uses:),
// with the given inputs over the defaults, and returns the exit status of
// each step run, stopping at the first that fails, and the outputs of the
// steps by id.
func actionRun(t *testing.T, a action, repo string, inputs map[string]string, dir string) (codes []int, outputs map[string]map[string]string) {
	t.Helper()
	in := make(map[string]string)
	for name, i := range a.Inputs {
		in[name] = i.Default
	}
	for name, v := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
		in[name] = v
	}
	tmp := t.TempDir()
	gobin := filepath.Join(tmp, "gobin")
	runnerTemp := filepath.Join(tmp, "runner")
	if err := os.Mkdir(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}
	pathFile := filepath.Join(tmp, "github_path")
	// PATH without any other reuselint: only what the install step adds.
	path := filepath.Dir(goTool(t)) + string(os.PathListSeparator) + "/usr/bin:/bin"
	outputs = make(map[string]map[string]string)
	eval := func(expr string) string {
		switch {
		case expr == "github.action_path":
			return repo
		case strings.HasPrefix(expr, "inputs."):
			v, ok := in[strings.TrimPrefix(expr, "inputs.")]
			if !ok {
				t.Fatalf("action.yml uses %s, which is not an input", expr)
			}
			return v
		case strings.HasPrefix(expr, "steps."):
			f := strings.Split(expr, ".")
			if len(f) != 4 || f[2] != "outputs" {
				t.Fatalf("action.yml uses %s: the test knows steps.<id>.outputs.<name> only", expr)
			}
			return outputs[f[1]][f[3]]
		}
		t.Fatalf("action.yml uses ${{ %s }}, which the test cannot evaluate", expr)
		return ""
	}
	expand := func(s string) string {
		return expressionRE.ReplaceAllStringFunc(s, func(m string) string {
			return eval(expressionRE.FindStringSubmatch(m)[1])
		})
	}
	for _, step := range a.Runs.Steps {
		if step.Uses != "" {
			continue // the upload step needs GitHub
		}
		if step.Shell != "bash" || step.If != "" || strings.Contains(step.Run, "${{") {
			t.Fatalf("step %q: want shell: bash, no if: and no ${{ }} in run: (inputs go through env:), so the test runs it as a runner would", step.Name)
		}
		outFile := filepath.Join(tmp, "output-"+step.ID)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run)
		cmd.Dir = dir
		if wd := expand(step.WorkingDirectory); wd != "" && wd != "." {
			cmd.Dir = filepath.Join(dir, wd)
		}
		if added, err := os.ReadFile(pathFile); err == nil {
			for _, p := range strings.Fields(string(added)) {
				path = p + string(os.PathListSeparator) + path
			}
		}
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOBIN="+gobin, "PATH="+path,
			"RUNNER_TEMP="+runnerTemp, "GITHUB_PATH="+pathFile, "GITHUB_OUTPUT="+outFile)
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+expand(v))
		}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		t.Logf("step %q: exit %d\n%s", step.Name, code, out.String())
		codes = append(codes, code)
		if step.ID != "" {
			outputs[step.ID] = make(map[string]string)
			data, _ := os.ReadFile(outFile)
			for line := range strings.Lines(string(data)) {
				k, v, _ := strings.Cut(strings.TrimSpace(line), "=")
				outputs[step.ID][k] = v
			}
		}
		if code != 0 {
			break
		}
	}
	return codes, outputs
}

// loadAction returns the repository's root and its parsed action.yml.
func loadAction(t *testing.T) (repo string, a action) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repo, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return repo, a
}

// goTool returns the path of the go command.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAction runs the shell steps of the GitHub Action (action.yml) with
// version: local, so that they install the reuselint of this checkout
// without the network: on the demo module they must write a valid SARIF
// log with findings and fail the job in the last step (after printing the
// findings); with fail-on-findings: false they must pass; on a clean
// module every step passes.
func TestAction(t *testing.T) {
	if testing.Short() {
		t.Skip("installs the binary and runs it on the demo module")
	}
	repo, a := loadAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml: runs.using = %q, want composite", a.Runs.Using)
	}
	uploads := 0
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			uploads++
			if !strings.Contains(s.If, "inputs.upload-sarif == 'true'") || !strings.Contains(s.With["sarif_file"], "steps.run.outputs.sarif-file") {
				t.Errorf("the upload step must depend on inputs.upload-sarif and upload steps.run.outputs.sarif-file: %+v", s)
			}
		}
	}
	if uploads != 1 {
		t.Errorf("action.yml has %d upload-sarif steps, want 1", uploads)
	}
	for _, name := range []string{"version", "packages", "flags", "upload-sarif", "fail-on-findings"} {
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("action.yml has no input %q", name)
		}
	}

	local := map[string]string{"version": "local", "working-directory": "demo"}
	codes, outputs := actionRun(t, a, repo, local, repo)
	if want := []int{0, 0, 3}; fmt.Sprint(codes) != fmt.Sprint(want) {
		t.Fatalf("on the demo module, the steps exited %v, want %v (the last, on findings)", codes, want)
	}
	if outputs["run"]["found"] != "true" {
		t.Errorf("outputs of the run step: %v, want found=true", outputs["run"])
	}
	log, err := os.ReadFile(outputs["run"]["sarif-file"])
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(log); err != nil {
		t.Errorf("the action's SARIF log is invalid: %v", err)
	}
	if !bytes.Contains(log, []byte(`"ruleId"`)) {
		t.Errorf("the action's SARIF log has no results:\n%s", log)
	}

	// fail-on-findings: false, with the run step's outputs as they are:
	// the last step passes.
	a.Runs.Steps = a.Runs.Steps[len(a.Runs.Steps)-1:]
	a.Runs.Steps[0].Env["REUSELINT_FOUND"] = "true"
	if codes, _ := actionRun(t, a, repo, map[string]string{"fail-on-findings": "false", "working-directory": "demo"}, repo); fmt.Sprint(codes) != "[0]" {
		t.Errorf("with fail-on-findings: false, the last step exited %v, want [0]", codes)
	}
}

// TestActionClean runs the action's steps on a module without findings:
// every step passes and the run step says found=false.
func TestActionClean(t *testing.T) {
	if testing.Short() {
		t.Skip("installs the binary")
	}
	repo, a := loadAction(t)
	clean, err := filepath.Abs("testdata/clean")
	if err != nil {
		t.Fatal(err)
	}
	codes, outputs := actionRun(t, a, repo, map[string]string{"version": "local"}, clean)
	if fmt.Sprint(codes) != "[0 0 0]" {
		t.Errorf("on a clean module, the steps exited %v, want [0 0 0]", codes)
	}
	if outputs["run"]["found"] != "false" {
		t.Errorf("outputs of the run step: %v, want found=false", outputs["run"])
	}
}
