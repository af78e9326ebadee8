//! Tests of the `lkmc` binary that need no emulator: config layering, getvar
//! for every arch, dry-run plans, and the errors bad input must give.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_lkmc");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A scratch directory removed at the end of the test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("lkmc-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// lkmc with a clean environment: no user config file is picked up, not
/// even a developer's lkmc.toml in the checkout (an empty one instead).
fn lkmc(args: &[&str]) -> Command {
    let empty = std::env::temp_dir().join(format!("lkmc-cli-empty-{}.toml", std::process::id()));
    if !empty.is_file() {
        std::fs::write(&empty, "").unwrap();
    }
    let mut c = Command::new(BIN);
    c.args(args)
        .env("LKMC_CONFIG", &empty)
        .env_remove("LKMC_ROOT");
    c
}

fn run(c: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = c.output().unwrap();
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(&mut lkmc(args));
    assert_eq!(code, 0, "lkmc {args:?} failed: {err}");
    out
}

fn fails(args: &[&str]) -> String {
    let (code, _out, err) = run(&mut lkmc(args));
    assert_eq!(
        code, 2,
        "lkmc {args:?}: wanted exit 2, got {code}; stderr: {err}"
    );
    err
}

// ---- getvar -------------------------------------------------------------

/// Every variable for each arch, against a golden file (with LKMC_ROOT set
/// to a fixed fake checkout). `LKMC_BLESS=1 cargo test` rewrites them.
#[test]
fn getvar_every_variable_each_arch() {
    // Each arch with the defaults; then other emulators, providers and ids,
    // whose paths differ.
    let cases: &[(&str, &[&str])] = &[
        ("x86_64", &["--arch", "x86_64"]),
        ("arm", &["--arch", "arm"]),
        ("aarch64", &["--arch", "aarch64"]),
        (
            "aarch64-gem5",
            &["--arch", "aarch64", "-e", "gem5", "--run-id", "2"],
        ),
        ("x86_64-native", &["--arch", "x86_64", "-e", "native"]),
        (
            "aarch64-gem5-port-offset",
            &[
                "--arch",
                "aarch64",
                "-e",
                "gem5",
                "--run-id",
                "2",
                "--port-offset",
                "5",
            ],
        ),
        (
            "x86_64-port-offset",
            &["--arch", "x86_64", "--run-id", "1", "--port-offset", "7"],
        ),
        (
            "aarch64-linux-distro",
            &["--arch", "aarch64", "--linux-which", "distro"],
        ),
        (
            "arm-providers",
            &[
                "--arch",
                "arm",
                "--rootfs",
                "buildroot",
                "--gcc-which",
                "crosstool-ng",
                "--qemu-which",
                "lkmc",
                "--gem5-build-type",
                "debug",
                "-L",
                "l1",
                "-M",
                "g2",
            ],
        ),
    ];
    for (arch, args) in cases {
        let mut argv = vec!["getvar"];
        argv.extend_from_slice(args);
        let (code, out, err) = run(lkmc(&argv).env("LKMC_ROOT", "/lkmc-root"));
        assert_eq!(code, 0, "{err}");
        // The empty config file lkmc() points LKMC_CONFIG at is this
        // process's; the goldens are for none.
        let out: String = out
            .lines()
            .map(|l| match l.starts_with("config_file=") {
                true => "config_file=\n".to_string(),
                false => format!("{l}\n"),
            })
            .collect();
        let golden = Path::new(ROOT).join(format!("tests/golden/getvar-{arch}.txt"));
        if std::env::var_os("LKMC_BLESS").is_some() {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &out).unwrap();
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
            panic!("{} missing: run LKMC_BLESS=1 cargo test", golden.display())
        });
        for (w, g) in want.lines().zip(out.lines()) {
            assert_eq!(w, g, "getvar --arch {arch}");
        }
        assert_eq!(
            want.lines().count(),
            out.lines().count(),
            "getvar --arch {arch}: variable count"
        );
    }
}

/// The original's names (`qcow2_file`, `kernel_modules_build_subdir`, ...)
/// give lkmc's values; `--list` shows them with what they stand for.
#[test]
fn getvar_original_names() {
    for (alias, name, join) in [
        ("qcow2_file", "rootfs_qcow2_file", ""),
        (
            "kernel_modules_build_subdir",
            "kernel_modules_build_dir",
            "",
        ),
        ("qemu_gdb_port", "gdb_port", ""),
        ("buildroot_host_dir", "buildroot_build_dir", "/host"),
    ] {
        let a = ok(&["getvar", "--arch", "arm", alias]);
        let v = ok(&["getvar", "--arch", "arm", name]);
        assert_eq!(a, format!("{}{join}\n", v.trim_end()), "{alias}");
    }
    let p9 = ok(&["getvar", "p9_dir"]);
    assert_eq!(p9, format!("{ROOT}/data/9p\n"));
    let list = ok(&["getvar", "--list"]);
    assert!(list.contains("\nqcow2_file\tthe original's name for rootfs_qcow2_file\n"));
    assert!(list.contains("\np9_dir\tShared with the guest over 9P at /mnt/9p/data, both ways.\n"));
    let err = fails(&["getvar", "qcow2_fil"]);
    assert!(err.contains("did you mean: qcow2_file,"), "{err}");
}

/// `--port-offset` moves every port, of QEMU and gem5, and nothing else.
#[test]
fn port_offset_moves_the_ports_only() {
    let qemu = ok(&["getvar", "--run-id", "1", "--port-offset", "3"]);
    for want in [
        "monitor_port=45484\n",
        "gdb_port=45487\n",
        "extra_serial_port=45488\n",
        "gem5_telnet_port=3468\n",
    ] {
        assert!(qemu.contains(want), "{want} not in {qemu}");
    }
    assert!(
        qemu.contains("/out/run/qemu/x86_64/1\n"),
        "the run dir is the run id's"
    );
    let gem5 = ok(&["getvar", "-e", "gem5", "--port-offset", "3", "gdb_port"]);
    assert_eq!(gem5, "7003\n");
}

#[test]
fn getvar_single_value_and_json() {
    let v = ok(&["getvar", "--arch", "aarch64", "vmlinux"]);
    assert_eq!(v, format!("{ROOT}/out/linux/default/aarch64/vmlinux\n"));
    let v = ok(&["getvar", "-a", "A", "-L", "dbg", "linux_image"]);
    assert_eq!(
        v,
        format!("{ROOT}/out/linux/dbg/aarch64/arch/arm64/boot/Image\n")
    );
    let json = ok(&["getvar", "--json", "--run-id", "2"]);
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(map["gdb_port"], "45477");
    assert_eq!(map["monitor_port"], "45474");
    assert_eq!(map["run_dir"], format!("{ROOT}/out/run/qemu/x86_64/2"));
    let gem5 = ok(&["getvar", "-e", "gem5", "--run-id", "3", "gdb_port"]);
    assert_eq!(gem5, "7003\n");
}

#[test]
fn getvar_lists_each_arch_with_all_archs() {
    let out = ok(&["getvar", "--all-archs", "arch"]);
    assert_eq!(out, "x86_64\narm\naarch64\n");
}

#[test]
fn getvar_creates_nothing() {
    let s = Scratch::new("getvar-nothing");
    let out_dir = s.path("out");
    ok(&["getvar", "--out-dir", out_dir.to_str().unwrap()]);
    assert!(!out_dir.exists());
}

#[test]
fn getvar_unknown_name_suggests() {
    let err = fails(&["getvar", "vmlinx"]);
    assert!(err.contains("unknown variable `vmlinx`"), "{err}");
    assert!(err.contains("vmlinux"), "{err}");
}

// ---- config file ----------------------------------------------------------

#[test]
fn config_file_layering() {
    let s = Scratch::new("config-layers");
    let f = s.write(
        "c.toml",
        "arch = \"aarch64\"\nlinux-build-id = \"top\"\n\n[getvar]\nlinux-build-id = \"section\"\n\n[run]\nmemory = \"1G\"\n",
    );
    let f = f.to_str().unwrap();
    // File beats default; the [getvar] section beats the top level.
    assert_eq!(ok(&["getvar", "--config-file", f, "arch"]), "aarch64\n");
    assert_eq!(
        ok(&["getvar", "--config-file", f, "linux_build_dir"]),
        format!("{ROOT}/out/linux/section/aarch64\n")
    );
    // Command line beats file.
    assert_eq!(
        ok(&["getvar", "--config-file", f, "--arch", "arm", "arch"]),
        "arm\n"
    );
    assert_eq!(
        ok(&["getvar", "--config-file", f, "-L", "cli", "linux_build_dir"]),
        format!("{ROOT}/out/linux/cli/aarch64\n")
    );
    // [run] keys reach run only; the top-level arch reaches run too.
    let plan = ok(&["run", "--config-file", f, "--dry-run"]);
    assert!(plan.contains("-m 1G"), "{plan}");
    assert!(plan.contains("qemu-system-aarch64"), "{plan}");
    let plan = ok(&["run", "--config-file", f, "--dry-run", "--memory", "2G"]);
    assert!(plan.contains("-m 2G"), "{plan}");
    // LKMC_CONFIG works like --config-file.
    let (code, out, err) = run(lkmc(&["getvar", "arch"]).env("LKMC_CONFIG", f));
    assert_eq!((code, out.as_str()), (0, "aarch64\n"), "{err}");
}

/// A file's options reach a subcommand that has its own subcommands
/// (`lkmc snapshot save`), and the words after `lkmc qemu-monitor CMD`
/// stay the monitor's.
#[test]
fn config_file_reaches_nested_subcommands() {
    let s = Scratch::new("config-nested");
    let f = s.write("c.toml", "run-id = 5\n\n[snapshot]\narch = \"aarch64\"\n");
    let f = f.to_str().unwrap();
    let plan = ok(&[
        "snapshot",
        "--config-file",
        f,
        "--dry-run",
        "save",
        "booted",
    ]);
    assert_eq!(
        plan,
        "+ printf '%s\\n' 'savevm booted' | nc -q 5 localhost 45504\n"
    );
    let plan = ok(&[
        "qemu-monitor",
        "--config-file",
        f,
        "--dry-run",
        "info",
        "registers",
        "-a",
    ]);
    assert!(plan.contains("'info registers -a'"), "{plan}");
}

#[test]
fn config_file_flags_and_lists() {
    let s = Scratch::new("config-flags");
    let f = s.write("c.toml", "[run]\nquit-after-boot = true\ncpus = 2\n");
    let plan = ok(&["run", "--config-file", f.to_str().unwrap(), "--dry-run"]);
    assert!(plan.contains("init=/lkmc/poweroff.sh"), "{plan}");
    assert!(plan.contains("-smp 2"), "{plan}");
    let f = s.write("d.toml", "all-archs = true\n");
    assert_eq!(
        ok(&["getvar", "--config-file", f.to_str().unwrap(), "arch"]),
        "x86_64\narm\naarch64\n"
    );
    let f = s.write(
        "e.toml",
        "[build]\nconfig = [\"CONFIG_FOO=y\", \"CONFIG_BAR=m\"]\n",
    );
    let tree = fake_kernel_tree(&s);
    let plan = ok(&[
        "build",
        "linux",
        "--dry-run",
        "--config-file",
        f.to_str().unwrap(),
        "--linux-source-dir",
        tree.to_str().unwrap(),
        "--out-dir",
        s.path("out").to_str().unwrap(),
    ]);
    assert!(plan.contains("CONFIG_FOO=y\nCONFIG_BAR=m\n"), "{plan}");
}

#[test]
fn config_file_errors_name_file_and_key() {
    let s = Scratch::new("config-errors");
    let f = s.write("typo.toml", "linux_build_id = \"x\"\n");
    let err = fails(&["getvar", "--config-file", f.to_str().unwrap()]);
    assert!(err.contains("typo.toml"), "{err}");
    assert!(err.contains("unknown key `linux_build_id`"), "{err}");
    assert!(err.contains("did you mean linux-build-id"), "{err}");

    let f = s.write("type.toml", "dry-run = \"yes\"\n");
    let err = fails(&["getvar", "--config-file", f.to_str().unwrap()]);
    assert!(
        err.contains("key `dry-run` expects true or false, found string"),
        "{err}"
    );

    let f = s.write("value.toml", "arch = \"mips\"\n");
    let err = fails(&["getvar", "--config-file", f.to_str().unwrap()]);
    assert!(err.contains("value.toml: key `arch`"), "{err}");
    assert!(err.contains("mips"), "{err}");

    let f = s.write("section.toml", "[rum]\ncpus = 2\n");
    let err = fails(&["getvar", "--config-file", f.to_str().unwrap()]);
    assert!(err.contains("unknown section `rum`"), "{err}");
    assert!(err.contains("did you mean run"), "{err}");

    let f = s.write("section-key.toml", "[getvar]\nmemory = \"1G\"\n");
    let err = fails(&["getvar", "--config-file", f.to_str().unwrap()]);
    assert!(err.contains("unknown [getvar] key `memory`"), "{err}");

    let f = s.write("syntax.toml", "arch = \n");
    let err = fails(&["getvar", "--config-file", f.to_str().unwrap()]);
    assert!(err.contains("not valid TOML"), "{err}");

    let err = fails(&["getvar", "--config-file", "/nonexistent/lkmc.toml"]);
    assert!(err.contains("/nonexistent/lkmc.toml"), "{err}");
    assert!(err.contains("does not exist"), "{err}");
}

// ---- command-line errors ---------------------------------------------------

#[test]
fn bad_command_lines_exit_2() {
    let err = fails(&["getvar", "--arch", "mips"]);
    assert!(err.contains("x86_64, arm, aarch64"), "{err}");
    fails(&["getvar", "--arch"]);
    let err = fails(&["run", "--eval", "a", "--eval-after", "b"]);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = fails(&["run", "--timeout", "0"]);
    assert!(err.contains("at least 1 second"), "{err}");
    fails(&["run", "--run-id", "1000"]);
    fails(&["getvar", "--verbose", "--quiet"]);
    let err = fails(&["build", "linx"]);
    assert!(err.contains("did you mean linux"), "{err}");
    let err = fails(&["test", "bot"]);
    assert!(err.contains("did you mean boot"), "{err}");
    let err = fails(&["nosuchcommand"]);
    assert!(err.contains("unrecognized subcommand"), "{err}");
}

#[test]
fn run_refuses_to_boot_nothing() {
    let s = Scratch::new("run-nothing");
    let err = fails(&[
        "run",
        "--arch",
        "arm",
        "--out-dir",
        s.path("out").to_str().unwrap(),
    ]);
    assert!(err.contains("kernel image"), "{err}");
    assert!(err.contains("lkmc build --arch arm"), "{err}");
    assert!(
        !s.path("out/run").exists(),
        "a refused run created its run dir"
    );
}

#[test]
fn help_for_every_subcommand() {
    for sub in ["build", "run", "gdb", "test", "getvar", "completions"] {
        let out = ok(&[sub, "--help"]);
        assert!(out.contains("Usage: lkmc"), "{sub}: {out}");
    }
    let out = ok(&["completions", "bash"]);
    assert!(out.contains("lkmc"));
}

// ---- dry-run plans -------------------------------------------------------

/// A directory that looks enough like a kernel tree for planning.
fn fake_kernel_tree(s: &Scratch) -> PathBuf {
    s.write(
        "linux/Makefile",
        "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 99\nEXTRAVERSION = -test\n",
    );
    s.write("linux/Kconfig", "");
    s.path("linux")
}

#[test]
fn run_dry_run_is_exact_and_writes_nothing() {
    let s = Scratch::new("run-dry");
    let out_dir = s.path("out");
    let o = out_dir.to_str().unwrap();
    let plan = ok(&[
        "run",
        "--dry-run",
        "--arch",
        "aarch64",
        "--out-dir",
        o,
        "--run-id",
        "1",
        "--eval",
        "echo \"$x\"; exit 3",
    ]);
    assert!(!out_dir.exists(), "dry-run created {o}");
    let want_start = format!(
        "+ qemu-system-aarch64 \\\n  -machine virt \\\n  -cpu max,pauth-impdef=on \\\n  -m 256M \\\n  -smp 1 \\\n  -kernel {o}/linux/default/aarch64/arch/arm64/boot/Image \\\n"
    );
    assert!(plan.starts_with(&want_start), "{plan}");
    assert!(plan.ends_with(" \\\n;\n"), "{plan}");
    assert!(plan.contains("-gdb tcp::45467 \\\n"), "{plan}");
    assert!(
        plan.contains("-monitor telnet::45464,server,nowait \\\n"),
        "{plan}"
    );
    assert!(
        plan.contains("hostfwd=tcp::45465-:45455,hostfwd=tcp::45466-:22"),
        "{plan}"
    );
    // base64 of the --eval text, after the dash.
    assert!(
        plan.contains(" - lkmc_home=/lkmc lkmc_eval=ZWNobyAiJHgiOyBleGl0IDM="),
        "{plan}"
    );
    assert!(plan.contains(&format!(
        "-drive file={o}/rootfs/aarch64/rootfs.ext4.qcow2,format=qcow2,if=virtio,snapshot=on"
    )));

    let one = ok(&["run", "--dry-run", "--print-cmd-oneline", "--out-dir", o]);
    assert_eq!(one.lines().count(), 1, "{one}");
    assert!(
        one.starts_with("+ qemu-system-x86_64 -machine pc "),
        "{one}"
    );
    assert!(one.contains("console=ttyS0"), "{one}");
    assert!(one.contains("-serial tcp::45458,server,nowait"), "{one}");
    // The kernel configures the guest network (CONFIG_IP_PNP), not rcS.
    assert!(
        one.contains(" ip=10.0.2.15::10.0.2.2:255.255.255.0:lkmc:eth0:off "),
        "{one}"
    );
    // qboot on x86_64, except where a display needs SeaBIOS's VGA set-up.
    assert!(one.contains(" -bios qboot.rom "), "{one}");
    let vnc = ok(&[
        "run",
        "--dry-run",
        "--print-cmd-oneline",
        "--vnc",
        "--out-dir",
        o,
    ]);
    assert!(!vnc.contains("-bios"), "{vnc}");
    // No kernel built: the plan names the bzImage that `lkmc build` makes.
    assert!(
        one.contains(&format!(
            "-kernel {o}/linux/default/x86_64/arch/x86/boot/bzImage "
        )),
        "{one}"
    );
    let arm = ok(&[
        "run",
        "--dry-run",
        "--print-cmd-oneline",
        "-a",
        "arm",
        "--initrd",
        "--",
        "-d",
        "guest_errors",
    ]);
    assert!(
        arm.contains("-machine virt,highmem=off -cpu cortex-a15"),
        "{arm}"
    );
    assert!(arm.contains("-initrd "), "{arm}");
    assert!(!arm.contains("-drive"), "{arm}");
    assert!(!arm.contains("root=/dev/vda"), "{arm}");
    assert!(arm.trim_end().ends_with("-d guest_errors"), "{arm}");
    assert!(!out_dir.exists());
}

#[test]
fn x86_64_kernel_with_pvh_boots_as_vmlinux() {
    let s = Scratch::new("run-pvh");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let build = s.path("out/linux/default/x86_64");
    s.write("out/linux/default/x86_64/vmlinux", "");
    s.write("out/linux/default/x86_64/arch/x86/boot/bzImage", "");
    let plan = |config: &str| {
        s.write("out/linux/default/x86_64/.config", config);
        ok(&["run", "--dry-run", "--print-cmd-oneline", "--out-dir", o])
    };
    let vmlinux = format!("-kernel {}/vmlinux ", build.display());
    let bzimage = format!("-kernel {}/arch/x86/boot/bzImage ", build.display());
    let pvh = plan("CONFIG_64BIT=y\nCONFIG_PVH=y\n");
    assert!(pvh.contains(&vmlinux), "{pvh}");
    let no_pvh = plan("CONFIG_64BIT=y\n# CONFIG_PVH is not set\n");
    assert!(no_pvh.contains(&bzimage), "{no_pvh}");
}

#[test]
fn userland_run_plans() {
    let s = Scratch::new("userland-plans");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let exe = s.write("prog.out", "");
    let e = exe.to_str().unwrap();
    let qemu = ok(&[
        "run",
        "--dry-run",
        "-a",
        "arm",
        "--out-dir",
        o,
        "--userland",
        e,
        "--cli-args",
        "a 'b c'",
        "--gdb-wait",
    ]);
    assert_eq!(
        qemu,
        format!(
            "+ qemu-arm-static \\\n  -L /usr/arm-linux-gnueabihf \\\n  -g 45457 \\\n  {e} \\\n  a \\\n  'b c' \\\n;\n"
        )
    );
    let gem5 = ok(&[
        "run",
        "--dry-run",
        "-a",
        "aarch64",
        "-e",
        "gem5",
        "--out-dir",
        o,
        "--userland",
        e,
        "--cli-args",
        "x y",
    ]);
    assert!(
        gem5.starts_with("+ M5_OVERRIDE_PY_SOURCE=true \\\n"),
        "{gem5}"
    );
    assert!(
        gem5.contains(&format!("{o}/gem5/default/build/ARM/gem5.opt")),
        "{gem5}"
    );
    assert!(
        gem5.contains(&format!("--outdir {o}/run/gem5/aarch64/0/m5out")),
        "{gem5}"
    );
    assert!(gem5.contains("configs/deprecated/example/se.py"), "{gem5}");
    assert!(gem5.contains(&format!("--cmd {e}")), "{gem5}");
    assert!(gem5.contains("--options 'x y'"), "{gem5}");
    assert!(
        gem5.contains("--redirects /lib=/usr/aarch64-linux-gnu/lib"),
        "{gem5}"
    );
    let err = fails(&[
        "run",
        "-a",
        "aarch64",
        "-e",
        "gem5",
        "--out-dir",
        o,
        "--userland",
        e,
    ]);
    assert!(err.contains("gem5 is not built"), "{err}");
    let err = fails(&[
        "run",
        "-a",
        "arm",
        "-e",
        "native",
        "--out-dir",
        o,
        "--userland",
        e,
    ]);
    assert!(err.contains("host's arch only"), "{err}");
    assert!(!s.path("out").exists());
}

#[test]
fn build_linux_dry_run_plan() {
    let s = Scratch::new("build-dry");
    let tree = fake_kernel_tree(&s);
    let t = tree.to_str().unwrap();
    let out_dir = s.path("out");
    let o = out_dir.to_str().unwrap();
    let frag = s.write("my.config", "CONFIG_X=y\n");
    let plan = ok(&[
        "build",
        "linux",
        "--dry-run",
        "--arch",
        "arm",
        "--linux-source-dir",
        t,
        "--out-dir",
        o,
        "--config",
        "CONFIG_DEBUG_FS=y",
        "--config-fragment",
        frag.to_str().unwrap(),
        "-j",
        "3",
        "--",
        "W=1",
    ]);
    assert!(!out_dir.exists(), "dry-run created {o}");
    let b = format!("{o}/linux/default/arm");
    assert!(plan.contains(&format!("+ mkdir -p {b}\n")), "{plan}");
    assert!(plan.contains(&format!("-C {t} \\\n  -j 3 \\\n  O={b} \\\n  ARCH=arm \\\n  CROSS_COMPILE=arm-linux-gnueabihf- \\\n")), "{plan}");
    assert!(plan.contains("  tinyconfig \\\n"), "{plan}");
    assert!(
        plan.contains(&format!(
            "+ cat > {b}/lkmc_cli.config << 'EOF'\nCONFIG_DEBUG_FS=y\nEOF\n"
        )),
        "{plan}"
    );
    assert!(plan.contains(&format!("+ cd {b} && \\\n  {t}/scripts/kconfig/merge_config.sh \\\n  -m \\\n  -O {b} \\\n  {b}/.config \\\n  {ROOT}/configs/linux/common.config \\\n  {ROOT}/configs/linux/arm.config \\\n  {} \\\n  {b}/lkmc_cli.config \\\n;", frag.display())), "{plan}");
    assert!(plan.contains("  olddefconfig \\\n"), "{plan}");
    assert!(plan.contains("KBUILD_BUILD_USER=lkmc"), "{plan}");
    assert!(
        plan.contains("  zImage \\\n  vmlinux \\\n  modules \\\n  scripts_gdb \\\n  W=1 \\\n;"),
        "{plan}"
    );

    let custom = s.write("full.config", "CONFIG_Y=y\n");
    let plan = ok(&[
        "build",
        "linux",
        "--dry-run",
        "--linux-source-dir",
        t,
        "--out-dir",
        o,
        "--custom-config-file",
        custom.to_str().unwrap(),
    ]);
    assert!(
        plan.contains(&format!(
            "+ cp \\\n  {} \\\n  {o}/linux/default/x86_64/.config \\\n;",
            custom.display()
        )),
        "{plan}"
    );
    assert!(!plan.contains("merge_config"), "{plan}");
    assert!(!plan.contains("tinyconfig"), "{plan}");

    let plan = ok(&[
        "build",
        "linux",
        "--dry-run",
        "--linux-source-dir",
        t,
        "--out-dir",
        o,
        "--linux-defconfig",
        "defconfig",
    ]);
    assert!(plan.contains("  defconfig \\\n"), "{plan}");
    assert!(plan.contains("  bzImage \\\n"), "{plan}");
}

#[test]
fn build_linux_bad_input() {
    let s = Scratch::new("build-bad");
    let tree = fake_kernel_tree(&s);
    let t = tree.to_str().unwrap();
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let err = fails(&[
        "build",
        "linux",
        "--dry-run",
        "--linux-source-dir",
        t,
        "--out-dir",
        o,
        "--config",
        "DEBUG_FS=y",
    ]);
    assert!(err.contains("expected CONFIG_NAME=value"), "{err}");
    let err = fails(&[
        "build",
        "linux",
        "--dry-run",
        "--linux-source-dir",
        t,
        "--out-dir",
        o,
        "--config-fragment",
        "/nonexistent/frag",
    ]);
    assert!(err.contains("/nonexistent/frag does not exist"), "{err}");
    let err = fails(&[
        "build",
        "linux",
        "--dry-run",
        "--linux-source-dir",
        s.path("nolinux").to_str().unwrap(),
        "--out-dir",
        o,
    ]);
    assert!(err.contains("not a kernel source tree"), "{err}");
    let err = fails(&[
        "build",
        "linux",
        "--dry-run",
        "--custom-config-file",
        "x",
        "--config",
        "CONFIG_A=y",
    ]);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = fails(&[
        "build",
        "qemu-buildroot",
        "--buildroot-config-fragment",
        "/nonexistent/br.config",
    ]);
    assert!(
        err.contains("/nonexistent/br.config: no such file"),
        "{err}"
    );
    assert!(!s.path("out").exists());
}

#[test]
fn linux_version_of_the_tree_in_use() {
    let s = Scratch::new("linux-version");
    let tree = fake_kernel_tree(&s);
    let v = ok(&[
        "getvar",
        "--linux-source-dir",
        tree.to_str().unwrap(),
        "linux_version",
    ]);
    assert_eq!(v, "6.1.99-test\n");
}

#[test]
fn print_components_in_order() {
    let out = ok(&["build", "--print-components"]);
    let names: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["linux", "modules", "userland", "rootfs", "qemu-linux"]
    );
}

// ---- README and CI -------------------------------------------------------

/// The README's test command is the one CI runs.
#[test]
fn ci_runs_the_readme_test_command() {
    let ci = std::fs::read_to_string(Path::new(ROOT).join(".ci/run")).unwrap();
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.adoc")).unwrap();
    let cmd = ci.lines().last().unwrap().trim();
    assert!(cmd.contains("lkmc test"), "{cmd}");
    assert!(
        readme.lines().any(|l| l.trim() == cmd),
        "README.adoc lacks the CI command: {cmd}"
    );
}

#[test]
fn root_is_the_enclosing_checkout_or_a_clear_error() {
    // From a directory inside the checkout, the checkout is the root.
    let (code, out, err) =
        run(lkmc(&["getvar", "root_dir"]).current_dir(format!("{ROOT}/userland")));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), ROOT);
    // A root that is not a checkout: refused, with the way out.
    let (code, _, err) = run(lkmc(&["build", "--dry-run"]).env("LKMC_ROOT", "/nonexistent"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("/nonexistent is not an lkmc checkout"),
        "{err}"
    );
    assert!(err.contains("LKMC_ROOT"), "{err}");
}

#[test]
fn gdb_gdbserver_plan() {
    let s = Scratch::new("gdbserver-plan");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let exe = s.write("prog.out", "");
    let e = exe.to_str().unwrap();
    let plan = ok(&[
        "gdb",
        "--dry-run",
        "-a",
        "arm",
        "--out-dir",
        o,
        "--run-id",
        "2",
        "--gdbserver",
        "--userland",
        e,
        "main",
    ]);
    let want = format!(
        "+ gdb-multiarch \\\n  -ex 'set sysroot /usr/arm-linux-gnueabihf' \\\n  -ex 'file {e}' \\\n  \
         -ex 'target remote localhost:45475' \\\n  -ex 'break main' \\\n  -ex continue \\\n;\n"
    );
    assert_eq!(plan, want);
    // --gdbserver is about a userland program.
    let err = fails(&["gdb", "--dry-run", "--gdbserver"]);
    assert!(err.contains("--userland"), "{err}");
}

/// `lkmc test --list` prints the cases without building or booting
/// anything; four shards of the whole run add up to it exactly, with no
/// case in two; --filter narrows it.
#[test]
fn test_list_shards_add_up_to_the_whole_run() {
    let s = Scratch::new("test-list");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let lines = |t: String| -> Vec<String> { t.lines().map(str::to_string).collect() };
    let all = lines(ok(&["test", "--list", "--all-archs", "--out-dir", o]));
    assert!(all.len() > 100, "{} cases", all.len());
    for suite in [
        "boot",
        "modules",
        "userland",
        "userland-full-system",
        "gdb",
        "faults",
    ] {
        for arch in ["x86_64", "arm", "aarch64"] {
            let prefix = format!("{suite} {arch} ");
            assert!(all.iter().any(|c| c.starts_with(&prefix)), "no {prefix}");
        }
    }
    let mut sorted = all.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len(), "case ids must be unique");
    let mut union = Vec::new();
    for k in 1..=4 {
        let shard = format!("{k}/4");
        let part = lines(ok(&[
            "test",
            "--list",
            "--all-archs",
            "--out-dir",
            o,
            "--shard",
            &shard,
        ]));
        assert!(!part.is_empty(), "shard {shard} is empty");
        assert!(part.len() < all.len(), "shard {shard} is everything");
        union.extend(part);
    }
    union.sort();
    assert_eq!(union, sorted, "the four shards are not the whole run");
    // --filter keeps the ids that hold the pattern.
    let hello = lines(ok(&["test", "--list", "--filter", "modules x86_64 hello"]));
    assert!(
        hello.contains(&"modules x86_64 hello".to_string()),
        "{hello:?}"
    );
    assert!(hello.iter().all(|c| c.contains("modules x86_64 hello")));
    assert!(!s.path("out").exists(), "--list created the out dir");
}

/// A durations file of another form is ignored with a warning, and left
/// as it was by a --list.
#[test]
fn test_durations_of_another_version_are_ignored() {
    let s = Scratch::new("test-durations");
    let f = s.write("times.tsv", "1.000\tboot x86_64 a case\n");
    let (code, out, err) = run(&mut lkmc(&[
        "test",
        "boot",
        "--list",
        "--shard",
        "1/1",
        "--durations",
        f.to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: ignoring the durations in"), "{err}");
    assert!(err.contains("another lkmc version"), "{err}");
    assert_eq!(out.lines().count(), 10, "{out}");
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        "1.000\tboot x86_64 a case\n"
    );
}

// ---- doctor ---------------------------------------------------------------

/// `lkmc doctor --json`: one object with every check in a fixed shape; the
/// exit status says whether the default workflow can run; it creates
/// nothing.
#[test]
fn doctor_json_shape_and_exit_status() {
    let s = Scratch::new("doctor");
    let o = s.path("out");
    let parse = |out: &str| -> serde_json::Value { serde_json::from_str(out).unwrap() };
    let check_shape = |v: &serde_json::Value| {
        let checks = v["checks"].as_array().expect("checks is an array");
        assert!(checks.len() > 20, "{} checks", checks.len());
        for c in checks {
            let obj = c.as_object().unwrap();
            let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            keys.sort();
            assert_eq!(
                keys,
                [
                    "area",
                    "default_workflow",
                    "detail",
                    "fix",
                    "name",
                    "status"
                ],
                "{c}"
            );
            let status = c["status"].as_str().unwrap();
            assert!(["ok", "missing", "warn", "info"].contains(&status), "{c}");
            assert!(!c["detail"].as_str().unwrap().is_empty(), "{c}");
            if status == "ok" {
                assert!(c["fix"].is_null(), "{c}");
            }
            if status == "missing" && c["default_workflow"] == true {
                assert!(c["fix"].is_string(), "a gap without its fix: {c}");
            }
        }
        for area in [
            "host",
            "x86_64",
            "arm",
            "aarch64",
            "kernel",
            "gem5",
            "buildroot",
        ] {
            assert!(checks.iter().any(|c| c["area"] == area), "no {area} check");
        }
        for name in [
            "kvm",
            "disk",
            "cold build time",
            "qemu-system-x86_64",
            "gdb-multiarch",
        ] {
            assert!(checks.iter().any(|c| c["name"] == name), "no {name} check");
        }
        v["default_workflow"]["ready"]
            .as_bool()
            .expect("ready is a bool")
    };
    let o = o.to_str().unwrap();
    let (code, out, err) = run(&mut lkmc(&["doctor", "--json", "--out-dir", o]));
    let ready = check_shape(&parse(&out));
    assert_eq!(code, if ready { 0 } else { 1 }, "{err}");
    // With no tools in PATH the default workflow cannot run, and says what
    // it lacks.
    let (code, out, err) = run(lkmc(&["doctor", "--json", "--out-dir", o]).env("PATH", ""));
    let v = parse(&out);
    assert!(!check_shape(&v), "ready with an empty PATH");
    assert_eq!(code, 1, "{err}");
    let missing: Vec<&str> = v["default_workflow"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"x86_64 qemu-system-x86_64"),
        "{missing:?}"
    );
    assert!(missing.contains(&"x86_64 gcc"), "{missing:?}");
    // The person's form ends with the verdict and its fix.
    let (code, out, _) = run(lkmc(&["doctor", "--out-dir", o]).env("PATH", ""));
    assert_eq!(code, 1);
    assert!(
        out.contains("default workflow (lkmc build && lkmc run, x86_64): cannot run"),
        "{out}"
    );
    assert!(
        out.contains("fix: lkmc build --download-dependencies --arch x86_64 qemu-linux"),
        "{out}"
    );
    assert!(!s.path("out").exists(), "doctor created the out dir");
}

#[test]
fn test_items_are_checked_before_anything_runs() {
    let err = fails(&["test", "modules", "helo"]);
    assert!(err.contains("no kernel module `helo`"), "{err}");
    assert!(err.contains("hello"), "{err}");
    let err = fails(&["test", "boot", "hello"]);
    assert!(err.contains("only one of the suites"), "{err}");
    let err = fails(&["test", "modules", "userland", "hello"]);
    assert!(err.contains("only one of the suites"), "{err}");
    let err = fails(&["test", "bot"]);
    assert!(err.contains("did you mean boot"), "{err}");
}

#[test]
fn run_record_replay_and_initramfs_plans() {
    let s = Scratch::new("rr-plans");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let rec = ok(&["run", "--dry-run", "-a", "arm", "--out-dir", o, "--record"]);
    assert!(
        rec.contains(&format!(
            "-icount shift=7,rr=record,rrfile={o}/run/qemu/arm/0/rrfile"
        )),
        "{rec}"
    );
    assert!(
        rec.contains("-object filter-replay,id=replay,netdev=net0"),
        "{rec}"
    );
    assert!(
        rec.contains("-drive driver=blkreplay,if=none,image=img-direct,id=img-blkreplay"),
        "{rec}"
    );
    // Host file access cannot be replayed: no 9P shares.
    assert!(!rec.contains("-virtfs"), "{rec}");
    let play = ok(&["run", "--dry-run", "-a", "arm", "--out-dir", o, "--replay"]);
    assert!(play.contains(",rr=replay,"), "{play}");
    let err = fails(&["run", "--dry-run", "--record", "--replay"]);
    assert!(err.contains("cannot be used with"), "{err}");

    let ramfs = ok(&["run", "--dry-run", "--out-dir", o, "--initramfs"]);
    assert!(!ramfs.contains("-drive"), "{ramfs}");
    assert!(!ramfs.contains("-initrd"), "{ramfs}");
    assert!(!ramfs.contains("root=/dev/vda"), "{ramfs}");
    let build = ok(&[
        "build",
        "--dry-run",
        "--out-dir",
        o,
        "linux",
        "--initramfs",
        "-L",
        "ramfs",
    ]);
    assert!(
        build.contains(&format!(
            "CONFIG_INITRAMFS_SOURCE=\"{o}/rootfs/x86_64/rootfs.cpio"
        )),
        "{build}"
    );
}

#[test]
fn guest_packages_are_downloaded_not_installed() {
    let s = Scratch::new("guest-debs");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let plan = ok(&[
        "build",
        "--download-dependencies",
        "--dependencies-only",
        "--dry-run",
        "-a",
        "arm",
        "--out-dir",
        o,
    ]);
    let want = format!(
        "+ cd {o}/guest_packages/arm/debs && \\\n  apt-get \\\n  download \\\n  \
         busybox-static:armhf \\\n  gdbserver:armhf \\\n;\n"
    );
    assert!(plan.contains(&want), "{plan}");
    assert!(plan.contains("dpkg-deb -x"), "{plan}");
    // Nothing of the guest's arch is installed on the host.
    assert_eq!(plan.matches(":armhf").count(), 2, "{plan}");
    assert!(!s.path("out").exists(), "dry-run wrote into {o}");
}

// ---- baremetal ------------------------------------------------------------

#[test]
fn baremetal_build_and_run_plans() {
    let s = Scratch::new("baremetal-plans");
    let o = s.path("out");
    let o = o.to_str().unwrap();
    let hello = format!("{ROOT}/baremetal/hello.c");
    let build = ok(&[
        "build",
        "--dry-run",
        "-a",
        "arm",
        "--out-dir",
        o,
        "baremetal",
        &hello,
    ]);
    // picolibc through its specs, the bare-metal EABI compiler, the machine's
    // device addresses and RAM.
    for want in [
        "arm-none-eabi-gcc \\\n  -specs=/usr/lib/picolibc/arm-none-eabi/picolibc.specs \\\n",
        "-DLKMC_MACHINE_VIRT",
        "-Wl,--defsym=__flash=0x40000000",
        &format!("-o {o}/baremetal/arm/qemu/virt/hello.elf \\\n  {hello} \\\n"),
        &format!("{o}/baremetal/arm/qemu/virt/lib/runtime/start.o"),
    ] {
        assert!(build.contains(want), "lacks {want:?}:\n{build}");
    }
    // Only the named image is linked.
    assert_eq!(build.matches(".elf \\\n").count(), 1, "{build}");
    assert!(!Path::new(o).exists(), "a dry run wrote {o}");

    let run = ok(&[
        "run",
        "--dry-run",
        "-a",
        "aarch64",
        "--out-dir",
        o,
        "--baremetal",
        &hello,
        "--gdb-wait",
    ]);
    assert!(
        run.ends_with(&format!(
            "+ qemu-system-aarch64 \\\n  -machine virt \\\n  -cpu max,pauth-impdef=on \\\n  -m 256M \\\n  -smp 1 \\\n  -nographic -semihosting \\\n  -nic none \\\n  -gdb tcp::45457 \\\n  -kernel {o}/baremetal/aarch64/qemu/virt/hello.elf \\\n  -S \\\n;\n"
        )),
        "{run}"
    );
    // An image that starts a second CPU gets one (smp = 2 in
    // configs/baremetal.toml).
    let multicore = format!("{ROOT}/baremetal/arch/aarch64/multicore.c");
    let run = ok(&[
        "run",
        "--dry-run",
        "-a",
        "aarch64",
        "--out-dir",
        o,
        "--baremetal",
        &multicore,
    ]);
    assert!(run.contains("-smp 2"), "{run}");

    let gdb = ok(&[
        "gdb",
        "--dry-run",
        "-a",
        "aarch64",
        "--out-dir",
        o,
        "--baremetal",
        &hello,
        "main",
    ]);
    for want in [
        &format!("-ex 'file {o}/baremetal/aarch64/qemu/virt/hello.elf'"),
        "-ex 'target remote localhost:45457'",
        "-ex 'break main'",
    ] {
        assert!(gdb.contains(want), "lacks {want:?}:\n{gdb}");
    }
}

#[test]
fn baremetal_bad_input() {
    let hello = format!("{ROOT}/baremetal/hello.c");
    let err = fails(&["run", "--dry-run", "-a", "x86_64", "--baremetal", &hello]);
    assert!(err.contains("arm and aarch64"), "{err}");
    let err = fails(&["run", "--dry-run", "-a", "arm", "--baremetal", "no/such.c"]);
    assert!(err.contains("no such source file"), "{err}");
    let readme = format!("{ROOT}/README.adoc");
    let err = fails(&["build", "--dry-run", "-a", "arm", "baremetal", &readme]);
    assert!(err.contains("not a baremetal source file"), "{err}");
    let outside = format!("{ROOT}/kernel_modules/hello.c");
    let err = fails(&["build", "--dry-run", "-a", "arm", "baremetal", &outside]);
    assert!(err.contains("is outside"), "{err}");
    let err = fails(&[
        "build",
        "--dry-run",
        "-a",
        "arm",
        "--gcc-which",
        "buildroot",
        "baremetal",
    ]);
    // Buildroot's toolchain is for Linux; crosstool-NG's is taken (its
    // refusal before it is built is a row of tests/bad_input.rs).
    assert!(err.contains("--gcc-which host"), "{err}");
    assert!(err.contains("--gcc-which crosstool-ng"), "{err}");
    // An image of the other arch.
    let a64 = format!("{ROOT}/baremetal/arch/aarch64/svc.c");
    let err = fails(&["run", "--dry-run", "-a", "arm", "--baremetal", &a64]);
    assert!(err.contains("is not built for arm"), "{err}");
}
