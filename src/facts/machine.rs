//! The board each emulator gives each arch: per (arch, emulator) facts.
//!
//! A row says what the emulator calls the arch, which board and CPU it
//! models, the firmware and devices lkmc adds, the guest's consoles, extra
//! kernel command line words the board needs and where its RAM starts (for
//! baremetal images). Rows are data; `emulator/` turns them into command
//! lines and `Paths` into paths. `facts::machine` picks a row; this file
//! depends on no other table, so the others can point into it.

/// One emulator's board for one arch.
#[derive(Debug)]
pub struct MachineFacts {
    /// The name of the arch this row is for (rows follow `Arch::ALL`).
    pub arch: &'static str,
    /// The emulator's own name for the arch: QEMU's target
    /// (`qemu-system-X`, `qemu-X`), gem5's ISA build dir (`build/X`).
    pub target: &'static str,
    /// Debian package with the full-system emulator, if the distro has one.
    pub package: Option<&'static str>,
    /// The board, as the emulator's machine arguments, in order.
    pub machine_args: &'static [&'static str],
    /// The board's name for baremetal images (their build dir and the
    /// `LKMC_MACHINE_*` macro that picks device addresses).
    pub baremetal_machine: &'static str,
    /// CPU model without KVM (QEMU's `-cpu`); for gem5, the ISA's prefix of
    /// its CPU model class names, which `--cpu-type` completes.
    pub cpu: &'static str,
    /// Firmware (`-bios`, found in the emulator's data dir) for runs without
    /// a display, when the default one is slow to boot under TCG.
    pub headless_bios: Option<&'static str>,
    /// Extra devices the study content uses (`-device NAME`).
    pub devices: &'static [&'static str],
    /// Main serial console device in the guest.
    pub console: &'static str,
    /// Whether `--graphic` moves the kernel's console to the display (a PC's
    /// VGA), so no `console=` is given.
    pub graphic_console: bool,
    /// Devices a `--graphic` or `--vnc` boot adds for a display and a
    /// keyboard, on a board that has neither (the PC has VGA and PS/2).
    pub display_devices: &'static [&'static str],
    /// The kernel option that drives that display, without which the window
    /// stays blank (`--graphic` is refused for a kernel without it).
    pub display_config: Option<&'static str>,
    /// Whether the board boots Linux from an ELF vmlinux (`--linux-exec`):
    /// QEMU's PC through the PVH entry point, gem5 always; QEMU's arm
    /// boards load an ELF as a bare program, not as Linux.
    pub boots_elf_kernel: bool,
    /// Second serial port in the guest that lkmc's KGDB uses, if any.
    pub extra_console: Option<&'static str>,
    /// Whether the CPU's semihosting calls reach the host (QEMU
    /// -semihosting): baremetal images exit through it; Linux boots get it
    /// too, as in the original.
    pub semihosting: bool,
    /// Extra words on the kernel command line.
    pub kernel_cli_extra: &'static str,
    /// Extra words for init's environment (after ` - `): what the guest's
    /// scripts need to know about the board.
    pub init_env: &'static str,
    /// Whether the guest has a network card (QEMU's user networking): the
    /// kernel's `ip=` waits 12 s for a card that is not there.
    pub network: bool,
    /// The disk the root filesystem image is to the guest kernel.
    pub root_device: &'static str,
    /// gem5's SimObject of the terminal the guest console is on (its port
    /// is set, and its "Listening for connections" line names it).
    pub console_object: Option<&'static str>,
    /// The bootloader lkmc builds for the board (gem5: in its system dir's
    /// binaries/), if it needs one.
    pub bootloader: Option<&'static str>,
    /// Where RAM starts (baremetal images are linked there); None where lkmc
    /// has no baremetal runtime for the arch.
    pub ram_base: Option<u64>,
}

/// QEMU's boards, in `Arch::ALL` order.
pub const QEMU: [MachineFacts; 3] = [
    MachineFacts {
        arch: "x86_64",
        target: "x86_64",
        package: Some("qemu-system-x86"),
        machine_args: &["-machine", "pc"],
        baremetal_machine: "virt",
        cpu: "max",
        // qboot, QEMU's minimal PC firmware, starts the kernel about a second
        // sooner than SeaBIOS under TCG. It sets up no VGA, so --graphic and
        // --vnc runs keep SeaBIOS.
        headless_bios: Some("qboot.rom"),
        // QEMU's teaching PCI device, driven by kernel_modules/qemu_edu.c.
        devices: &["edu"],
        console: "ttyS0",
        graphic_console: true,
        display_devices: &[],
        display_config: None,
        boots_elf_kernel: true,
        extra_console: Some("ttyS1"),
        semihosting: false,
        // PAT handling under TCG is slow and noisy; the original turned it off too.
        kernel_cli_extra: "nopat",
        ram_base: None,
        init_env: "",
        network: true,
        root_device: "/dev/vda",
        console_object: None,
        bootloader: None,
    },
    MachineFacts {
        arch: "arm",
        target: "arm",
        package: Some("qemu-system-arm"),
        // Without highmem=off the virt board puts PCI above 4 GiB, out of reach of
        // a 32-bit kernel without LPAE.
        machine_args: &["-machine", "virt,highmem=off"],
        baremetal_machine: "virt",
        cpu: "cortex-a15",
        headless_bios: None,
        devices: &[],
        console: "ttyAMA0",
        graphic_console: false,
        display_devices: &["virtio-gpu-pci", "virtio-keyboard-pci"],
        display_config: Some("CONFIG_DRM_VIRTIO_GPU"),
        boots_elf_kernel: false,
        extra_console: None,
        semihosting: true,
        kernel_cli_extra: "",
        ram_base: Some(0x4000_0000),
        init_env: "",
        network: true,
        root_device: "/dev/vda",
        console_object: None,
        bootloader: None,
    },
    MachineFacts {
        arch: "aarch64",
        target: "aarch64",
        package: Some("qemu-system-arm"),
        machine_args: &["-machine", "virt"],
        baremetal_machine: "virt",
        // pauth-impdef: QEMU's architected pointer-auth algorithm is very slow
        // under TCG; the implementation-defined one boots several times faster.
        cpu: "max,pauth-impdef=on",
        headless_bios: None,
        devices: &[],
        console: "ttyAMA0",
        graphic_console: false,
        display_devices: &["virtio-gpu-pci", "virtio-keyboard-pci"],
        display_config: Some("CONFIG_DRM_VIRTIO_GPU"),
        boots_elf_kernel: false,
        extra_console: None,
        semihosting: true,
        kernel_cli_extra: "",
        ram_base: Some(0x4000_0000),
        init_env: "",
        network: true,
        root_device: "/dev/vda",
        console_object: None,
        bootloader: None,
    },
];

/// The ABI names of gem5's `m5` guest tool (util/m5's `build/ABI/out/m5`),
/// in `Arch::ALL` order.
pub const M5_ABI: [&str; 3] = ["x86", "arm", "arm64"];

/// gem5's boards, in `Arch::ALL` order, as fs.py builds them: the
/// machine type (`--machine-type`), and gem5's own CPU model classes.
pub const GEM5: [MachineFacts; 3] = [
    MachineFacts {
        arch: "x86_64",
        target: "X86",
        package: None,
        // fs.py's default X86 PC.
        machine_args: &[],
        baremetal_machine: "X86",
        // The prefix of gem5's CPU model classes for the ISA
        // (X86AtomicSimpleCPU, ...): `--cpu-type` picks the model.
        cpu: "X86",
        headless_bios: None,
        devices: &[],
        console: "ttyS0",
        graphic_console: false,
        display_devices: &[],
        display_config: None,
        boots_elf_kernel: true,
        extra_console: None,
        semihosting: false,
        // lpj: skip the delay loop calibration, seconds of simulated time.
        kernel_cli_extra: "earlyprintk=ttyS0 lpj=7999923",
        ram_base: None,
        init_env: "lkmc_emulator=gem5",
        network: false,
        root_device: "/dev/sda",
        console_object: Some("system.pc.com_1.device"),
        bootloader: None,
    },
    MachineFacts {
        arch: "arm",
        target: "ARM",
        package: None,
        machine_args: &["--machine-type", "VExpress_GEM5_V1"],
        baremetal_machine: "VExpress_GEM5_V1",
        cpu: "Arm",
        headless_bios: None,
        devices: &[],
        console: "ttyAMA0",
        graphic_console: false,
        display_devices: &[],
        display_config: None,
        boots_elf_kernel: true,
        extra_console: None,
        semihosting: false,
        kernel_cli_extra: "earlycon=pl011,0x1c090000 lpj=19988480",
        ram_base: Some(0x8000_0000),
        // The guest powers off with `m5 exit`: gem5's bootloader gives the
        // kernel no PSCI to power off through.
        init_env: "lkmc_emulator=gem5",
        // fs.py attaches the disk to the board's PCI IDE controller.
        network: false,
        root_device: "/dev/sda",
        console_object: Some("system.terminal"),
        bootloader: Some("boot.arm"),
    },
    MachineFacts {
        arch: "aarch64",
        target: "ARM",
        package: None,
        machine_args: &["--machine-type", "VExpress_GEM5_V1"],
        baremetal_machine: "VExpress_GEM5_V1",
        cpu: "Arm",
        headless_bios: None,
        devices: &[],
        console: "ttyAMA0",
        graphic_console: false,
        display_devices: &[],
        display_config: None,
        boots_elf_kernel: true,
        extra_console: None,
        semihosting: false,
        kernel_cli_extra: "earlycon=pl011,0x1c090000 lpj=19988480",
        ram_base: Some(0x8000_0000),
        init_env: "lkmc_emulator=gem5",
        network: false,
        root_device: "/dev/sda",
        console_object: Some("system.terminal"),
        bootloader: Some("boot.arm64"),
    },
];
