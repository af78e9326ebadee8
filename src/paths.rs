//! `Paths`: every derived path, port and tool name, for one `Config`.
//!
//! This is the one place lkmc formats a path; every other module reads them
//! from here, and `lkmc getvar` prints them. Computing `Paths` touches no
//! file, so getvar and `--dry-run` are instant and have no side effects.
//! What differs between emulators comes from their rows in `facts/`; this
//! module never asks which emulator it is.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::facts::emulator::{DiskFormat, KernelFile};
use crate::facts::provider::{GccWhich, LinuxWhich, QemuBuildType, QemuWhich};
use crate::facts::{Emulator, machine};

/// How a field prints in `getvar`.
pub trait Var {
    fn show(&self) -> String;
}

impl Var for PathBuf {
    fn show(&self) -> String {
        self.to_string_lossy().into_owned()
    }
}

impl Var for String {
    fn show(&self) -> String {
        self.clone()
    }
}

/// Empty when there is none.
impl Var for Option<PathBuf> {
    fn show(&self) -> String {
        self.as_ref().map(|p| p.show()).unwrap_or_default()
    }
}

impl Var for u16 {
    fn show(&self) -> String {
        self.to_string()
    }
}

/// Declares the `Paths` struct and its `vars()` listing from one field list,
/// so a new path is automatically a getvar variable.
macro_rules! paths {
    ($( $(#[doc = $doc:literal])* $name:ident : $ty:ty, )*) => {
        /// Every derived path and port for one arch, emulator, build ids and run id.
        #[derive(Clone, Debug, Default)]
        pub struct Paths {
            $( $(#[doc = $doc])* pub $name: $ty, )*
        }

        impl Paths {
            /// Every variable as `(name, value)`, sorted by name.
            pub fn vars(&self) -> Vec<(&'static str, String)> {
                let mut v = vec![ $( (stringify!($name), Var::show(&self.$name)), )* ];
                v.sort();
                v
            }

            /// Every variable's name and its doc comment's first line.
            pub fn docs() -> Vec<(&'static str, &'static str)> {
                vec![ $( (stringify!($name), first_line(&[$($doc),*])), )* ]
            }
        }
    };
}

paths! {
    /// The lkmc checkout.
    root_dir: PathBuf,
    /// Everything generated.
    out_dir: PathBuf,
    /// The user's own files, never touched by lkmc (not in git).
    data_dir: PathBuf,
    /// Shared with the guest over 9P at /mnt/9p/data, both ways.
    p9_dir: PathBuf,
    /// Logs of builds and runs.
    log_dir: PathBuf,
    /// The JUnit report of the last `lkmc test` (without --junit).
    test_junit_file: PathBuf,
    /// `lkmc build docs`'s output.
    docs_dir: PathBuf,
    /// README.adoc as HTML.
    docs_html_file: PathBuf,
    /// Log of `lkmc build linux`: one per arch and kernel build id.
    linux_log_file: PathBuf,
    /// Source trees lkmc builds (not committed).
    submodules_dir: PathBuf,
    /// Config fragments, sources, path properties.
    configs_dir: PathBuf,
    /// Kernel config fragments.
    linux_config_dir: PathBuf,
    /// The config file read, or empty.
    config_file: PathBuf,
    /// The arch acted on.
    arch: String,
    /// Kbuild's ARCH=.
    linux_arch: String,
    /// The emulator.
    emulator: String,
    /// The run id.
    run_id: u16,

    /// The kernel the guest boots (--linux-which): lkmc or distro.
    linux_which: String,
    /// Kernel source tree (the distro kernel's: its headers' common tree).
    linux_source_dir: PathBuf,
    /// Kernel out-of-tree build dir (make O=); the distro kernel's headers,
    /// which modules build against.
    linux_build_dir: PathBuf,
    /// What lkmc writes for the kernel, which --clean removes: the build
    /// dir, or the distro kernel's dir.
    linux_out_dir: PathBuf,
    /// The distro kernel's packages, downloaded and unpacked, and what lkmc
    /// makes of them (--linux-which distro).
    linux_distro_dir: PathBuf,
    /// The kernel's release (`uname -r` in the guest), as its build records it.
    linux_release_file: PathBuf,
    /// The initramfs the kernel boots with before the root disk: the distro
    /// kernel's, which loads its modules for the disk, 9P and the network
    /// (empty for lkmc's kernel, which has them built in).
    linux_initrd: Option<PathBuf>,
    /// The kernel's .config.
    linux_config: PathBuf,
    /// Config lines from --config, written as a fragment.
    linux_cli_fragment: PathBuf,
    /// INSTALL_MOD_PATH of `make modules_install` (the kernel's =m modules,
    /// and lkmc's): its lib/modules/RELEASE goes into the rootfs.
    linux_modules_install_dir: PathBuf,
    /// The kernel ELF with symbols.
    vmlinux: PathBuf,
    /// The bootable kernel image.
    linux_image: PathBuf,
    /// What the emulator boots: linux_image (QEMU) or vmlinux (gem5).
    image: PathBuf,
    /// The ELF GDB loads.
    image_elf: PathBuf,

    /// Kernel module sources.
    kernel_modules_source_dir: PathBuf,
    /// Kernel modules built for the arch.
    kernel_modules_build_dir: PathBuf,
    /// Kernel modules built against the host's kernel.
    kernel_modules_build_host_dir: PathBuf,
    /// Userland sources.
    userland_source_dir: PathBuf,
    /// Userland programs built for the arch.
    userland_build_dir: PathBuf,
    /// Baremetal sources.
    baremetal_source_dir: PathBuf,
    /// Baremetal images for the arch, emulator and machine.
    baremetal_build_dir: PathBuf,
    /// The machine baremetal images are linked for.
    baremetal_machine: String,
    /// C compiler for baremetal images (empty: the arch has none).
    baremetal_gcc: PathBuf,
    /// Archiver for baremetal libraries (empty: the arch has none).
    baremetal_ar: PathBuf,
    /// picolibc's GCC specs file the images are built with (its headers,
    /// libraries and linker script), of the --gcc-which toolchain.
    baremetal_picolibc_specs: PathBuf,

    /// Files copied into the guest's root.
    rootfs_overlay_dir: PathBuf,
    /// Generated files for the guest's root (modules, programs).
    out_rootfs_overlay_dir: PathBuf,
    /// Generated files for the guest's /lkmc.
    out_rootfs_overlay_lkmc_dir: PathBuf,
    /// Guest-arch Debian packages, downloaded and unpacked.
    guest_packages_dir: PathBuf,
    /// The root filesystem provider (--rootfs).
    rootfs: String,
    /// The root filesystem provider's build dir (--rootfs).
    rootfs_build_dir: PathBuf,
    /// The staged guest root tree.
    rootfs_tree_dir: PathBuf,
    /// The root filesystem as a raw ext4 image.
    rootfs_raw_file: PathBuf,
    /// The root filesystem as qcow2 (what QEMU boots).
    rootfs_qcow2_file: PathBuf,
    /// The root filesystem as a cpio initramfs.
    rootfs_cpio: PathBuf,
    /// The disk image the emulator gets.
    disk_image: PathBuf,
    /// The second disk (`lkmc build disk2`): a squashfs of
    /// out_rootfs_overlay_dir, attached read-only when it exists.
    disk_image_2: PathBuf,

    /// Buildroot source tree.
    buildroot_source_dir: PathBuf,
    /// Buildroot build dir (make O=).
    buildroot_build_dir: PathBuf,
    /// Buildroot's .config.
    buildroot_config_file: PathBuf,
    /// Buildroot's download cache.
    buildroot_download_dir: PathBuf,
    /// Buildroot's images.
    buildroot_images_dir: PathBuf,
    /// Buildroot's raw root filesystem.
    buildroot_rootfs_raw_file: PathBuf,
    /// Buildroot's root filesystem as qcow2.
    buildroot_qcow2_file: PathBuf,
    /// Buildroot's cpio.
    buildroot_cpio: PathBuf,
    /// Buildroot's host tools.
    buildroot_host_bin_dir: PathBuf,
    /// Buildroot's staging sysroot (with debug info).
    buildroot_staging_dir: PathBuf,
    /// Buildroot's target root.
    buildroot_target_dir: PathBuf,
    /// lkmc's BR2_EXTERNAL tree (its packages for the guest).
    buildroot_external_dir: PathBuf,
    /// lkmc's Buildroot base configs and fragments.
    buildroot_configs_dir: PathBuf,
    /// What lkmc generates for one Buildroot build (fragments, makefiles).
    buildroot_lkmc_dir: PathBuf,
    /// Buildroot's build log, as lkmc keeps it.
    buildroot_log_file: PathBuf,

    /// crosstool-NG source tree (left as it is: lkmc builds a copy).
    crosstool_ng_source_dir: PathBuf,
    /// crosstool-NG build id dir.
    crosstool_ng_buildid_dir: PathBuf,
    /// The copy of the source that is bootstrapped and built.
    crosstool_ng_copy_dir: PathBuf,
    /// Where crosstool-NG itself is installed (ct-ng, its scripts).
    crosstool_ng_prefix_dir: PathBuf,
    /// The ct-ng program.
    crosstool_ng_executable: PathBuf,
    /// Where ct-ng runs for the arch: its defconfig and .config.
    crosstool_ng_config_dir: PathBuf,
    /// The defconfig lkmc writes: configs/crosstool-ng/ARCH.defconfig and
    /// the paths.
    crosstool_ng_defconfig_file: PathBuf,
    /// crosstool-NG's .config.
    crosstool_ng_config: PathBuf,
    /// crosstool-NG work dir (CT_WORK_DIR), per arch.
    crosstool_ng_build_dir: PathBuf,
    /// Where crosstool-NG installs the toolchain (CT_PREFIX_DIR).
    crosstool_ng_install_dir: PathBuf,
    /// The toolchain's bin dir.
    crosstool_ng_bin_dir: PathBuf,
    /// The toolchain's C compiler.
    crosstool_ng_gcc: PathBuf,
    /// Source tarballs (CT_LOCAL_TARBALLS_DIR), shared by every build id.
    crosstool_ng_download_dir: PathBuf,

    /// Which QEMU runs (--qemu-which): host or lkmc.
    qemu_which: String,
    /// The command that builds the QEMU of --qemu-which lkmc.
    qemu_build_cmd: String,
    /// QEMU source tree.
    qemu_source_dir: PathBuf,
    /// QEMU build dir (per build id, build type and arch).
    qemu_build_dir: PathBuf,
    /// The QEMU system emulator run.
    qemu_executable: PathBuf,
    /// The QEMU user-mode emulator run.
    qemu_user_executable: PathBuf,
    /// qemu-img.
    qemu_img_executable: PathBuf,

    /// gem5 source tree.
    gem5_source_dir: PathBuf,
    /// What lkmc generates for gem5 (per gem5 build id): system files, the
    /// m5 tool's build, the merged build config.
    gem5_out_dir: PathBuf,
    /// gem5's scons build dir, holding one dir per ISA (yours with
    /// --gem5-build-dir).
    gem5_build_dir: PathBuf,
    /// The ISA build of gem5 for the arch (`scons VARIANT/gem5.opt`).
    gem5_variant_dir: PathBuf,
    /// The build configuration lkmc hands to `scons defconfig`.
    gem5_defconfig_file: PathBuf,
    /// The gem5 binary.
    gem5_executable: PathBuf,
    /// gem5's terminal client.
    gem5_m5term: PathBuf,
    /// gem5 system files (M5_PATH: binaries/ holds the bootloaders).
    gem5_system_dir: PathBuf,
    /// Where the bootloaders are built.
    gem5_bootloader_build_dir: PathBuf,
    /// The bootloader gem5 starts the kernel with (ARM boards).
    gem5_bootloader: Option<PathBuf>,
    /// gem5's full-system config script.
    gem5_fs_file: PathBuf,
    /// gem5's syscall-emulation config script.
    gem5_se_file: PathBuf,
    /// The m5 tool's build tree (a copy of util/m5; the source stays clean).
    m5_build_dir: PathBuf,
    /// The m5 tool built for the arch.
    m5_executable: PathBuf,
    /// The m5 tool in the guest's PATH.
    guest_m5_file: PathBuf,
    /// gem5 run dir.
    gem5_run_dir: PathBuf,
    /// gem5's output dir.
    m5out_dir: PathBuf,
    /// gem5 statistics.
    stats_file: PathBuf,
    /// The guest's kernel log, dumped by gem5 when the guest panics.
    gem5_dmesg_file: PathBuf,
    /// gem5's console output.
    gem5_guest_terminal_file: PathBuf,
    /// File handed to the guest by m5 readfile.
    gem5_readfile_file: PathBuf,

    /// QEMU run dir.
    qemu_run_dir: PathBuf,
    /// This run's dir (per emulator, arch and run id).
    run_dir: PathBuf,
    /// Everything the emulator printed.
    termout_file: PathBuf,
    /// The guest console log read for exit status and panics.
    guest_terminal_file: PathBuf,
    /// QEMU's console with --background.
    background_serial_file: PathBuf,
    /// Trace as text: QEMU's --trace events (its log backend), gem5's.
    trace_txt_file: PathBuf,
    /// QEMU record/replay file.
    qemu_rrfile: PathBuf,
    /// The QEMU command of the last `--record`, which `--replay` must match.
    qemu_rr_cmd_file: PathBuf,
    /// The command of this run.
    run_cmd_file: PathBuf,
    /// The command of the last run of any id.
    last_run_cmd_file: PathBuf,
    /// A baremetal image's --cli-args, as the blob QEMU loads into its RAM.
    baremetal_cli_args_file: PathBuf,
    /// The GDB command of this run id.
    run_gdb_cmd_file: PathBuf,
    /// Held while a run with this id is going on.
    run_lock_file: PathBuf,
    /// The GDB port an emulator that picks its own (gem5) said it listens
    /// on, written by the run while it goes on.
    gdb_port_file: PathBuf,

    /// First port of the run id's block.
    qemu_base_port: u16,
    /// QEMU monitor (telnet).
    monitor_port: u16,
    /// Forwarded host port to the same guest port (gdbserver).
    hostfwd_generic_port: u16,
    /// Forwarded host port to the guest's ssh.
    hostfwd_ssh_port: u16,
    /// The emulator's GDB stub.
    gdb_port: u16,
    /// Second guest serial port (KGDB).
    extra_serial_port: u16,
    /// gem5's terminal.
    gem5_telnet_port: u16,

    /// Cross toolchain prefix with its trailing dash (CROSS_COMPILE=).
    cross_compile: String,
    /// Cross toolchain prefix (the triplet; empty for the host's own arch).
    toolchain_prefix: String,
    /// C compiler.
    gcc: PathBuf,
    /// C++ compiler.
    gxx: PathBuf,
    /// GDB.
    gdb: PathBuf,
    /// Target libraries for dynamically linked programs (QEMU -L).
    userland_library_dir: PathBuf,
}

impl Paths {
    /// Derive every path for `c`. Pure: reads no file.
    pub fn new(c: &Config) -> Paths {
        // Group by group, each from the config and the groups before it;
        // the getvar goldens pin every value for each arch and emulator.
        let mut p = Paths::default();
        p.checkout(c);
        p.linux(c);
        p.programs(c);
        p.rootfs(c);
        p.buildroot(c);
        p.crosstool_ng(c);
        p.qemu(c);
        p.gem5(c);
        p.runs(c);
        p.ports(c);
        p.toolchain(c);
        p
    }

    /// The checkout, the out dir, what is acted on.
    fn checkout(&mut self, c: &Config) {
        let f = c.arch.facts();
        let (root, out) = (&c.root, &c.out_dir);
        self.root_dir = root.clone();
        self.out_dir = out.clone();
        self.data_dir = root.join("data");
        self.p9_dir = self.data_dir.join("9p");
        self.log_dir = out.join("log");
        self.test_junit_file = self.log_dir.join("test-junit.xml");
        self.docs_dir = out.join("docs");
        self.docs_html_file = self.docs_dir.join("README.html");
        self.submodules_dir = root.join("submodules");
        self.configs_dir = root.join("configs");
        self.linux_config_dir = self.configs_dir.join("linux");
        self.config_file = c.config_file.clone().unwrap_or_default();
        self.arch = f.name.to_string();
        self.linux_arch = f.linux_arch.to_string();
        self.emulator = c.emulator.to_string();
        self.run_id = c.run_id;
    }

    /// The kernel's tree, build and images: lkmc's build, or the distro's
    /// packages (fixed links into them, made when they are unpacked, so
    /// that no path here depends on the release apt chose).
    fn linux(&mut self, c: &Config) {
        let (arch, id) = (c.arch.facts().name, &c.build_ids.linux);
        let distro = c.out_dir.join("linux-distro").join(arch);
        self.linux_which = c.linux_which.name().to_string();
        self.linux_distro_dir = distro.clone();
        match c.linux_which {
            LinuxWhich::Lkmc => {
                self.linux_log_file = self.log_dir.join(if id == "default" {
                    format!("build-linux-{arch}.log")
                } else {
                    format!("build-linux-{id}-{arch}.log")
                });
                self.linux_source_dir = c.linux_source_dir.clone();
                self.linux_build_dir = c.out_dir.join("linux").join(id).join(arch);
                self.linux_out_dir = self.linux_build_dir.clone();
                self.vmlinux = self.linux_build_dir.join("vmlinux");
                self.linux_image = self.linux_build_dir.join(c.arch.facts().linux_image);
                self.linux_release_file =
                    self.linux_build_dir.join("include/config/kernel.release");
                self.linux_initrd = None;
            }
            LinuxWhich::Distro => {
                self.linux_log_file = self.log_dir.join(format!("build-linux-distro-{arch}.log"));
                self.linux_source_dir = distro.join("source");
                self.linux_build_dir = distro.join("build");
                self.linux_out_dir = distro.clone();
                self.vmlinux = distro.join("vmlinux");
                self.linux_image = distro.join("vmlinuz");
                // Debian's headers record the upstream version there, not
                // the package's release.
                self.linux_release_file = distro.join("release");
                self.linux_initrd = Some(distro.join("initrd.cpio"));
            }
        }
        self.linux_config = self.linux_build_dir.join(".config");
        self.linux_cli_fragment = self.linux_build_dir.join("lkmc_cli.config");
        // The distro's modules are in its packages, the few the guest
        // needs in its initramfs: nothing of lkmc's is staged for it.
        self.linux_modules_install_dir = match c.linux_which {
            LinuxWhich::Lkmc => self.linux_build_dir.join("lkmc_modules_install"),
            LinuxWhich::Distro => distro.join("lkmc_modules_install"),
        };
        self.image = match c.emulator.facts().boots {
            KernelFile::Image => self.linux_image.clone(),
            KernelFile::Vmlinux => self.vmlinux.clone(),
        };
        self.image_elf = self.vmlinux.clone();
    }

    /// Modules, userland and baremetal: sources and builds.
    fn programs(&mut self, c: &Config) {
        let (root, out, arch) = (&c.root, &c.out_dir, c.arch.facts().name);
        self.kernel_modules_source_dir = root.join("kernel_modules");
        self.kernel_modules_build_dir = out.join("kernel_modules").join(arch);
        self.kernel_modules_build_host_dir = out.join("kernel_modules").join("host");
        self.userland_source_dir = root.join("userland");
        self.userland_build_dir = if c.in_tree {
            root.join("userland")
        } else {
            out.join("userland").join(&c.build_ids.userland).join(arch)
        };
        let machine_name = machine(c.arch, c.emulator).baremetal_machine;
        self.baremetal_source_dir = root.join("baremetal");
        self.baremetal_build_dir = out
            .join("baremetal")
            .join(arch)
            .join(c.emulator.to_string())
            .join(machine_name);
        self.baremetal_machine = machine_name.to_string();
        let tool = |name: &str| {
            c.arch
                .facts()
                .baremetal
                .as_ref()
                .map(|b| PathBuf::from(format!("{}{name}", b.tool_prefix)))
                .unwrap_or_default()
        };
        self.baremetal_gcc = tool("gcc");
        self.baremetal_ar = tool("ar");
        self.baremetal_picolibc_specs = c
            .arch
            .facts()
            .baremetal
            .as_ref()
            .map(|b| PathBuf::from(b.picolibc_specs))
            .unwrap_or_default();
    }

    /// The overlays and the root filesystem of the --rootfs provider.
    fn rootfs(&mut self, c: &Config) {
        let (root, out, arch) = (&c.root, &c.out_dir, c.arch.facts().name);
        self.rootfs_overlay_dir = root.join("rootfs_overlay");
        self.out_rootfs_overlay_dir = out.join("rootfs_overlay").join(arch);
        self.out_rootfs_overlay_lkmc_dir = self.out_rootfs_overlay_dir.join("lkmc");
        self.disk_image_2 = out.join("rootfs_overlay").join(format!("{arch}.squashfs"));
        self.guest_packages_dir = out.join("guest_packages").join(arch);
        let rf = c.rootfs.facts();
        self.rootfs = rf.name.to_string();
        self.rootfs_build_dir = (rf.build_dir)(out, &c.build_ids.buildroot, arch);
        self.rootfs_tree_dir = self.rootfs_build_dir.join("tree");
        self.rootfs_raw_file = self.rootfs_build_dir.join(rf.raw);
        self.rootfs_qcow2_file = self.rootfs_build_dir.join(rf.qcow2);
        self.rootfs_cpio = self.rootfs_build_dir.join(rf.cpio);
        self.disk_image = match c.emulator.facts().disk {
            DiskFormat::Qcow2 => self.rootfs_qcow2_file.clone(),
            DiskFormat::Raw => self.rootfs_raw_file.clone(),
        };
    }

    /// Buildroot's tree and build.
    fn buildroot(&mut self, c: &Config) {
        let out = &c.out_dir;
        let br = out
            .join("buildroot/build")
            .join(&c.build_ids.buildroot)
            .join(c.arch.facts().name);
        self.buildroot_source_dir = c.buildroot_source_dir.clone();
        self.buildroot_config_file = br.join(".config");
        self.buildroot_download_dir = out.join("buildroot").join("download");
        self.buildroot_images_dir = br.join("images");
        self.buildroot_rootfs_raw_file = br.join("images").join("rootfs.ext2");
        self.buildroot_qcow2_file = br.join("images").join("rootfs.ext2.qcow2");
        self.buildroot_cpio = br.join("images").join("rootfs.cpio");
        self.buildroot_host_bin_dir = br.join("host").join("usr").join("bin");
        self.buildroot_staging_dir = br.join("staging");
        self.buildroot_target_dir = br.join("target");
        self.buildroot_external_dir = c.root.join("buildroot_external");
        self.buildroot_configs_dir = c.root.join("configs").join("buildroot");
        self.buildroot_lkmc_dir = br.join("lkmc");
        self.buildroot_log_file = br.join("lkmc").join("build.log");
        self.buildroot_build_dir = br;
    }

    /// crosstool-NG's tree, build and toolchain.
    fn crosstool_ng(&mut self, c: &Config) {
        let (out, arch) = (&c.out_dir, c.arch.facts().name);
        let ct = out
            .join("crosstool-ng/build")
            .join(&c.build_ids.crosstool_ng);
        self.crosstool_ng_source_dir = c.crosstool_ng_source_dir.clone();
        self.crosstool_ng_copy_dir = ct.join("source");
        self.crosstool_ng_prefix_dir = ct.join("ct-ng");
        self.crosstool_ng_executable = self.crosstool_ng_prefix_dir.join("bin/ct-ng");
        self.crosstool_ng_config_dir = ct.join("config").join(arch);
        self.crosstool_ng_defconfig_file = self.crosstool_ng_config_dir.join("defconfig");
        self.crosstool_ng_config = self.crosstool_ng_config_dir.join(".config");
        self.crosstool_ng_build_dir = ct.join("build").join(arch);
        self.crosstool_ng_install_dir = ct.join("install").join(arch);
        self.crosstool_ng_bin_dir = self.crosstool_ng_install_dir.join("bin");
        self.crosstool_ng_gcc = self
            .crosstool_ng_bin_dir
            .join(format!("{}-gcc", c.arch.facts().crosstool_ng_triplet));
        self.crosstool_ng_download_dir = c
            .crosstool_ng_download_dir
            .clone()
            .unwrap_or_else(|| out.join("crosstool-ng").join("download"));
        self.crosstool_ng_buildid_dir = ct;
        if c.gcc_which == GccWhich::CrosstoolNg && c.arch.facts().baremetal.is_some() {
            // Its picolibc (a companion library next to newlib) is
            // installed into the toolchain's sysroot.
            let triplet = c.arch.facts().crosstool_ng_triplet;
            self.baremetal_gcc = self.crosstool_ng_gcc.clone();
            self.baremetal_ar = self.crosstool_ng_bin_dir.join(format!("{triplet}-ar"));
            self.baremetal_picolibc_specs = self
                .crosstool_ng_install_dir
                .join(triplet)
                .join("lib/picolibc.specs");
        }
    }

    /// The QEMU that runs: the distro's, or lkmc's build.
    fn qemu(&mut self, c: &Config) {
        let target = machine(c.arch, Emulator::Qemu).target;
        let build = c
            .out_dir
            .join("qemu")
            .join(&c.build_ids.qemu)
            .join(c.qemu_build_type.name())
            .join(c.arch.facts().name);
        self.qemu_source_dir = c.qemu_source_dir.clone();
        self.qemu_which = match c.qemu_which {
            QemuWhich::Host => "host",
            QemuWhich::Lkmc => "lkmc",
        }
        .to_string();
        self.qemu_build_cmd = format!("lkmc build --arch {} qemu", c.arch.facts().name);
        if c.build_ids.qemu != "default" {
            self.qemu_build_cmd
                .push_str(&format!(" --qemu-build-id {}", c.build_ids.qemu));
        }
        if c.qemu_build_type != QemuBuildType::Opt {
            self.qemu_build_cmd
                .push_str(&format!(" --qemu-build-type {}", c.qemu_build_type.name()));
        }
        (
            self.qemu_executable,
            self.qemu_user_executable,
            self.qemu_img_executable,
        ) = match c.qemu_which {
            QemuWhich::Host => (
                PathBuf::from(format!("qemu-system-{target}")),
                PathBuf::from(format!("qemu-{target}-static")),
                PathBuf::from("qemu-img"),
            ),
            QemuWhich::Lkmc => (
                build.join(format!("qemu-system-{target}")),
                build.join(format!("qemu-{target}")),
                build.join("qemu-img"),
            ),
        };
        self.qemu_build_dir = build;
    }

    /// gem5's tree, build, generated files, m5 and its runs' files.
    fn gem5(&mut self, c: &Config) {
        let (out, arch) = (&c.out_dir, c.arch.facts().name);
        let isa = machine(c.arch, Emulator::Gem5).target;
        self.gem5_source_dir = c.gem5_source_dir.clone();
        self.gem5_out_dir = out.join("gem5").join(&c.build_ids.gem5);
        let generated = self.gem5_out_dir.clone();
        self.gem5_build_dir = c
            .gem5_build_dir
            .clone()
            .unwrap_or_else(|| generated.join("build"));
        self.gem5_variant_dir = self.gem5_build_dir.join(isa);
        self.gem5_executable = self
            .gem5_variant_dir
            .join(format!("gem5.{}", c.gem5_build_type.name()));
        self.gem5_defconfig_file = generated.join(format!("defconfig-{isa}"));
        self.gem5_m5term = generated.join("m5term");
        self.gem5_system_dir = generated.join("system");
        self.gem5_bootloader_build_dir = generated.join("bootloader");
        self.gem5_bootloader = machine(c.arch, Emulator::Gem5)
            .bootloader
            .map(|b| self.gem5_system_dir.join("binaries").join(b));
        // configs/example/{fs,se}.py are stubs that stop with a
        // deprecation error in gem5 24; the scripts moved here.
        self.gem5_fs_file = self
            .gem5_source_dir
            .join("configs/deprecated/example/fs.py");
        self.gem5_se_file = self
            .gem5_source_dir
            .join("configs/deprecated/example/se.py");
        self.m5_build_dir = generated.join("m5");
        self.m5_executable = self
            .m5_build_dir
            .join("util/m5/build")
            .join(crate::facts::machine::M5_ABI[c.arch.index()])
            .join("out/m5");
        self.guest_m5_file = out.join("rootfs_overlay").join(arch).join("usr/bin/m5");
        let gem5 = Emulator::Gem5.facts();
        self.gem5_run_dir = run_dir_for(out, gem5.run_dir, arch, c.run_id);
        self.m5out_dir = output_dir(&self.gem5_run_dir, Emulator::Gem5);
        self.stats_file = self.m5out_dir.join("stats.txt");
        self.gem5_dmesg_file = self.m5out_dir.join("system.workload.dmesg");
        self.gem5_guest_terminal_file = self.m5out_dir.join(gem5.console_file);
        self.gem5_readfile_file = self.gem5_run_dir.join("readfile");
    }

    /// This run's dir and files (and QEMU's, which some modes use whatever
    /// the emulator).
    fn runs(&mut self, c: &Config) {
        let (out, arch) = (&c.out_dir, c.arch.facts().name);
        let e = c.emulator.facts();
        let qemu = run_dir_for(out, Emulator::Qemu.facts().run_dir, arch, c.run_id);
        let run = run_dir_for(out, e.run_dir, arch, c.run_id);
        let emulator_out = output_dir(&run, c.emulator);
        self.termout_file = run.join("termout.txt");
        self.guest_terminal_file = emulator_out.join(e.console_file);
        self.background_serial_file = qemu.join("background.log");
        self.trace_txt_file = emulator_out.join("trace.txt");
        self.qemu_rrfile = qemu.join("rrfile");
        self.qemu_rr_cmd_file = qemu.join("rrfile.cmd");
        self.run_cmd_file = run.join("run.sh");
        self.baremetal_cli_args_file = run.join("baremetal_cli_args.txt");
        self.last_run_cmd_file = out.join("run.sh");
        self.run_gdb_cmd_file = run.join("run-gdb.sh");
        self.run_lock_file = run.join("lock");
        self.gdb_port_file = run.join("gdb-port");
        self.qemu_run_dir = qemu;
        self.run_dir = run;
    }

    /// The run id's block of ports (or --port-offset's).
    fn ports(&mut self, c: &Config) {
        let block = c.port_block();
        let base = 45454 + 10 * block;
        self.qemu_base_port = base;
        self.monitor_port = base;
        self.hostfwd_generic_port = base + 1;
        self.hostfwd_ssh_port = base + 2;
        self.gdb_port = c.emulator.facts().gdb_port.port(base, block);
        self.extra_serial_port = base + 4;
        self.gem5_telnet_port = 3456 + 4 * block;
    }

    /// The compilers, GDB and target libraries of --gcc-which.
    fn toolchain(&mut self, c: &Config) {
        let f = c.arch.facts();
        let (cross_compile, tool_dir) = match c.gcc_which {
            GccWhich::Host if c.arch.is_host() => (String::new(), None),
            GccWhich::Host => (format!("{}-", f.host_triplet), None),
            GccWhich::Buildroot => (
                format!("{}-", f.buildroot_triplet),
                Some(&self.buildroot_host_bin_dir),
            ),
            GccWhich::CrosstoolNg => (
                format!("{}-", f.crosstool_ng_triplet),
                Some(&self.crosstool_ng_bin_dir),
            ),
        };
        let tool = |name: &str| match tool_dir {
            Some(d) => d.join(format!("{cross_compile}{name}")),
            None => PathBuf::from(format!("{cross_compile}{name}")),
        };
        let (gdb, libs) = match c.gcc_which {
            GccWhich::Host if c.arch.is_host() => ("gdb-multiarch".into(), PathBuf::from("/")),
            GccWhich::Host => (
                "gdb-multiarch".into(),
                PathBuf::from("/usr").join(f.host_triplet),
            ),
            GccWhich::Buildroot => (tool("gdb"), self.buildroot_target_dir.clone()),
            // lkmc's ct-ng configs build no GDB (configs/crosstool-ng/).
            GccWhich::CrosstoolNg => (
                "gdb-multiarch".into(),
                self.crosstool_ng_install_dir.clone(),
            ),
        };
        self.gcc = tool("gcc");
        self.gxx = tool("g++");
        self.gdb = gdb;
        self.toolchain_prefix = cross_compile.trim_end_matches('-').to_string();
        self.cross_compile = cross_compile;
        self.userland_library_dir = libs;
    }

    /// A tool of the --gcc-which toolchain, by its name without the
    /// prefix (`readelf` → `aarch64-linux-gnu-readelf`, in the toolchain's
    /// bin dir if it has one); `gdb` is the toolchain's GDB ([`Paths::gdb`]).
    pub fn toolchain_tool(&self, name: &str) -> PathBuf {
        if name == "gdb" {
            return self.gdb.clone();
        }
        self.gcc
            .with_file_name(format!("{}{name}", self.cross_compile))
    }

    /// The log file for one plan, e.g. `build-linux`.
    pub fn log_file(&self, name: &str) -> PathBuf {
        self.log_dir.join(format!("{name}-{}.log", self.arch))
    }
}

/// The first line of a doc comment given as its lines.
fn first_line(lines: &[&'static str]) -> &'static str {
    lines.first().map(|l| l.trim()).unwrap_or("")
}

/// A directory name standing for `path` (a source of the user's outside the
/// checkout), so that each gets its own build dir: `/home/a/m` → `home_a_m`.
pub fn flatten(path: &Path) -> String {
    path.to_string_lossy()
        .trim_start_matches('/')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where `emulator` writes its own outputs in a run dir.
fn output_dir(run_dir: &Path, emulator: Emulator) -> PathBuf {
    match emulator.facts().output_subdir {
        Some(sub) => run_dir.join(sub),
        None => run_dir.to_path_buf(),
    }
}

fn run_dir_for(out: &Path, emulator: &str, arch: &str, run_id: u16) -> PathBuf {
    out.join("run")
        .join(emulator)
        .join(arch)
        .join(run_id.to_string())
}
