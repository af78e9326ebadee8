//! A `Config` written back as lkmc arguments (`Config::to_args`), for the
//! child runs of `lkmc test`, reproducers and hints: one function, so that
//! no caller rebuilds a command line by hand and drops an option.

use std::path::Path;

use super::Config;

impl Config {
    /// This config written back as lkmc's common options, for a child lkmc
    /// (a test's `lkmc run`, a reproducer) to act on the same trees with the
    /// same settings: parsing and resolving them gives this config again.
    ///
    /// Every value is written, defaults too: a config file layered under the
    /// child's command line would otherwise fill an omitted option with its
    /// own value, not the default this config holds. The checkout (`root`) is
    /// no option: the child finds it as this process did (LKMC_ROOT, or the
    /// checkout around the current directory). Values go after `=`, so a
    /// build id starting with `-` cannot read as an option.
    pub fn to_args(&self) -> Vec<String> {
        fn name(v: impl clap::ValueEnum) -> String {
            v.to_possible_value()
                .expect("lkmc's value enums skip no variant")
                .get_name()
                .to_string()
        }
        let path = |p: &Path| p.to_string_lossy().into_owned();
        let ids = &self.build_ids;
        let mut args: Vec<String> = [
            ("arch", name(self.arch)),
            ("emulator", name(self.emulator)),
            ("out-dir", path(&self.out_dir)),
            ("linux-source-dir", path(&self.linux_source_dir)),
            ("linux-which", name(self.linux_which)),
            ("rootfs", name(self.rootfs)),
            ("gem5-source-dir", path(&self.gem5_source_dir)),
            ("gem5-build-type", name(self.gem5_build_type)),
            ("buildroot-source-dir", path(&self.buildroot_source_dir)),
            ("linux-build-id", ids.linux.clone()),
            ("buildroot-build-id", ids.buildroot.clone()),
            ("userland-build-id", ids.userland.clone()),
            ("qemu-build-id", ids.qemu.clone()),
            ("gem5-build-id", ids.gem5.clone()),
            ("crosstool-ng-build-id", ids.crosstool_ng.clone()),
            ("run-id", self.run_id.to_string()),
            ("gcc-which", name(self.gcc_which)),
            ("qemu-which", name(self.qemu_which)),
            ("qemu-source-dir", path(&self.qemu_source_dir)),
            ("qemu-build-type", name(self.qemu_build_type)),
            (
                "crosstool-ng-source-dir",
                path(&self.crosstool_ng_source_dir),
            ),
            ("nproc", self.nproc.to_string()),
        ]
        .into_iter()
        .chain(
            self.gem5_build_dir
                .as_deref()
                .map(|d| ("gem5-build-dir", path(d))),
        )
        .chain(
            self.crosstool_ng_download_dir
                .as_deref()
                .map(|d| ("crosstool-ng-download-dir", path(d))),
        )
        .chain(
            self.config_file
                .as_deref()
                .map(|f| ("config-file", path(f))),
        )
        // Only when given: without it the ports follow the run id, which a
        // child may be handed anew (`lkmc test`'s workers).
        .chain(self.port_offset.map(|o| ("port-offset", o.to_string())))
        .map(|(option, value)| format!("--{option}={value}"))
        .collect();
        let flags = [
            (self.static_userland, "--static"),
            (self.in_tree, "--in-tree"),
            (self.verbose, "--verbose"),
            (self.quiet, "--quiet"),
            (self.dry_run, "--dry-run"),
            (self.print_cmd_oneline, "--print-cmd-oneline"),
        ];
        args.extend(
            flags
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, f)| f.to_string()),
        );
        args
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::*;
    use crate::config::parse_args;

    /// What `lkmc ARGV...` resolves to, config file and all.
    fn resolve(argv: &[String]) -> Vec<Config> {
        let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
        let (cli, file) = parse_args(argv).expect("the test's argv parses");
        Config::resolve(&cli.common, file)
    }

    fn words(argv: &[&str]) -> Vec<String> {
        argv.iter().map(|w| w.to_string()).collect()
    }

    /// parse -> resolve -> to_args -> parse -> resolve gives the same config,
    /// for each arch `argv` resolves to.
    fn assert_round_trips(argv: &[String]) {
        let configs = resolve(argv);
        assert!(!configs.is_empty());
        for config in configs {
            let mut again = words(&["lkmc", "run"]);
            again.extend(config.to_args());
            let back = resolve(&again);
            assert_eq!(back.len(), 1, "{again:?}");
            // Config has no PartialEq; its Debug form shows every field.
            assert_eq!(format!("{:?}", back[0]), format!("{config:?}"), "{again:?}");
        }
    }

    #[test]
    fn defaults_round_trip() {
        assert_round_trips(&words(&["lkmc", "test"]));
    }

    #[test]
    fn emulator_archs_and_flags_round_trip() {
        assert_round_trips(&words(&["lkmc", "test", "-e", "gem5", "--all-archs"]));
        assert_round_trips(&words(&[
            "lkmc",
            "build",
            "--arch",
            "arm",
            "--static",
            "--in-tree",
            "--quiet",
            "--print-cmd-oneline",
        ]));
        assert_round_trips(&words(&[
            "lkmc",
            "run",
            "-e",
            "native",
            "-a",
            "A",
            "--verbose",
            "--dry-run",
        ]));
    }

    #[test]
    fn gem5_trees_and_build_type_round_trip() {
        assert_round_trips(&words(&[
            "lkmc",
            "run",
            "-e",
            "gem5",
            "-a",
            "aarch64",
            "--gem5-source-dir",
            "/src/gem5",
            "--gem5-build-dir",
            "/elsewhere/build",
            "--gem5-build-type",
            "fast",
            "--rootfs",
            "buildroot",
        ]));
    }

    #[test]
    fn qemu_and_crosstool_ng_trees_round_trip() {
        assert_round_trips(&words(&[
            "lkmc",
            "run",
            "--qemu-which",
            "lkmc",
            "--qemu-source-dir",
            "/src/qemu",
            "--qemu-build-type",
            "debug",
            "--crosstool-ng-source-dir",
            "/src/ct-ng",
            "--crosstool-ng-download-dir",
            "/tarballs",
        ]));
    }

    #[test]
    fn build_ids_run_id_and_tools_round_trip() {
        assert_round_trips(&words(&[
            "lkmc",
            "test",
            "--emulator",
            "gem5",
            "--linux-build-id=-dash-first",
            "--buildroot-build-id",
            "br2",
            "--userland-build-id",
            "u.3",
            "--qemu-build-id",
            "q+4",
            "--gem5-build-id",
            "g_5",
            "--crosstool-ng-build-id",
            "ct6",
            "--run-id",
            "7",
            "--port-offset",
            "12",
            "--gcc-which",
            "crosstool-ng",
            "--qemu-which",
            "lkmc",
            "--linux-which",
            "distro",
            "--nproc",
            "3",
            "--out-dir",
            "/tmp/lkmc-to-args/out",
            "--linux-source-dir",
            "/tmp/lkmc-to-args/linux",
        ]));
    }

    /// An option typed with its default value must reach the child as such,
    /// though the config file says otherwise; the file itself is passed on.
    #[test]
    fn config_file_values_round_trip() {
        let file = std::env::temp_dir().join(format!("lkmc-to-args-{}.toml", std::process::id()));
        std::fs::write(&file, "linux-build-id = \"from-file\"\nrun-id = 5\n").unwrap();
        let f = file.to_string_lossy().into_owned();
        let from_file = resolve(&words(&["lkmc", "test", "--config-file", &f]));
        assert_eq!(from_file[0].build_ids.linux, "from-file");
        assert_round_trips(&words(&["lkmc", "test", "--config-file", &f]));
        let typed = words(&["lkmc", "test", "--config-file", &f, "-L", "default"]);
        assert_eq!(resolve(&typed)[0].build_ids.linux, "default");
        assert_round_trips(&typed);
        std::fs::remove_file(&file).unwrap();
    }
}
