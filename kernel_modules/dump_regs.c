// SPDX-License-Identifier: GPL-2.0
/*
 * dump_regs: system registers, readable only from kernel mode, that say how
 * the CPU is set up: privilege level, paging, page table bases, exception
 * vector base, CPU identification. Each architecture has its own set, read
 * with its own instructions:
 *   x86_64   mov from CR0/CR3/CR4, rdmsr (EFER), sgdt/sidt, segment selectors
 *   arm      mrc p15 (coprocessor 15 registers: MIDR, SCTLR, TTBR0, ...), CPSR
 *   aarch64  mrs <name>_EL1 (MIDR_EL1, SCTLR_EL1, TTBR1_EL1, ...), CurrentEL
 * The first line says the privilege the kernel runs at: CPL 0 on x86_64,
 * SVC mode on arm, EL1 (or EL2 with VHE) on aarch64. Userland trying the
 * same instructions gets SIGSEGV or SIGILL (see ring0).
 *
 * Try it in the guest:
 *   insmod dump_regs.ko; rmmod dump_regs; dmesg
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/types.h>

#if defined(CONFIG_X86_64)
#define MSR_EFER_NUMBER 0xc0000080

struct desc_ptr_raw {
	u16 limit;
	u64 base;
} __packed;

static void dump_regs(void)
{
	unsigned long cr0, cr3, cr4, rflags;
	struct desc_ptr_raw gdtr, idtr;
	u16 cs, ss;
	u32 lo, hi;
	u64 efer;

	asm volatile("mov %%cs, %0" : "=r"(cs));
	asm volatile("mov %%ss, %0" : "=r"(ss));
	pr_info("privilege: CPL %d (low 2 bits of cs)\n", cs & 3);
	pr_info("cs = 0x%x ss = 0x%x\n", cs, ss);
	asm volatile("pushf; pop %0" : "=r"(rflags));
	pr_info("rflags = 0x%016lx (IF = %lu)\n", rflags, (rflags >> 9) & 1);
	asm volatile("mov %%cr0, %0" : "=r"(cr0));
	pr_info("cr0 = 0x%016lx (PE = %lu PG = %lu)\n", cr0, cr0 & 1, (cr0 >> 31) & 1);
	asm volatile("mov %%cr3, %0" : "=r"(cr3));
	pr_info("cr3 = 0x%016lx (page table root)\n", cr3);
	asm volatile("mov %%cr4, %0" : "=r"(cr4));
	pr_info("cr4 = 0x%016lx (PAE = %lu LA57 = %lu)\n", cr4, (cr4 >> 5) & 1, (cr4 >> 12) & 1);
	/* rdmsr: ecx selects the register, the value comes in edx:eax. */
	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_EFER_NUMBER));
	efer = (u64)hi << 32 | lo;
	pr_info("efer = 0x%016llx (LMA = %llu)\n", efer, (efer >> 10) & 1);
	asm volatile("sgdt %0" : "=m"(gdtr));
	asm volatile("sidt %0" : "=m"(idtr));
	pr_info("gdtr base = 0x%016llx limit = 0x%x\n", gdtr.base, gdtr.limit);
	pr_info("idtr base = 0x%016llx limit = 0x%x\n", idtr.base, idtr.limit);
}

#elif defined(CONFIG_ARM64)
#include <asm/sysreg.h>

static void dump_regs(void)
{
	u64 el = read_sysreg(CurrentEL);

	pr_info("privilege: EL%llu (CurrentEL)\n", (el >> 2) & 3);
	pr_info("DAIF = 0x%016llx\n", (u64)read_sysreg(daif));
	pr_info("MIDR_EL1 = 0x%016llx\n", (u64)read_sysreg(midr_el1));
	pr_info("MPIDR_EL1 = 0x%016llx\n", (u64)read_sysreg(mpidr_el1));
	pr_info("SCTLR_EL1 = 0x%016llx (M = %llu)\n", (u64)read_sysreg(sctlr_el1),
		(u64)read_sysreg(sctlr_el1) & 1);
	pr_info("TCR_EL1 = 0x%016llx\n", (u64)read_sysreg(tcr_el1));
	pr_info("TTBR0_EL1 = 0x%016llx (user page tables)\n", (u64)read_sysreg(ttbr0_el1));
	pr_info("TTBR1_EL1 = 0x%016llx (kernel page tables)\n", (u64)read_sysreg(ttbr1_el1));
	pr_info("MAIR_EL1 = 0x%016llx\n", (u64)read_sysreg(mair_el1));
	pr_info("VBAR_EL1 = 0x%016llx (exception vectors)\n", (u64)read_sysreg(vbar_el1));
	pr_info("ID_AA64PFR0_EL1 = 0x%016llx\n", (u64)read_sysreg(id_aa64pfr0_el1));
	pr_info("ID_AA64MMFR0_EL1 = 0x%016llx\n", (u64)read_sysreg(id_aa64mmfr0_el1));
	pr_info("CNTFRQ_EL0 = %llu Hz\n", (u64)read_sysreg(cntfrq_el0));
}

#elif defined(CONFIG_ARM)

#define READ_CP15(opc1, crn, crm, opc2) ({					\
	u32 __v;								\
	asm volatile("mrc p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2	\
		     : "=r"(__v));						\
	__v;									\
})

static void dump_regs(void)
{
	u32 cpsr;
	static const char * const modes[32] = {
		[0x10] = "USR", [0x11] = "FIQ", [0x12] = "IRQ", [0x13] = "SVC",
		[0x16] = "MON", [0x17] = "ABT", [0x1a] = "HYP", [0x1b] = "UND",
		[0x1f] = "SYS",
	};

	asm volatile("mrs %0, cpsr" : "=r"(cpsr));
	pr_info("privilege: %s mode (CPSR.M = 0x%x)\n",
		modes[cpsr & 0x1f] ? modes[cpsr & 0x1f] : "?", cpsr & 0x1f);
	pr_info("CPSR = 0x%08x\n", cpsr);
	pr_info("MIDR = 0x%08x\n", READ_CP15(0, c0, c0, 0));
	pr_info("MPIDR = 0x%08x\n", READ_CP15(0, c0, c0, 5));
	pr_info("SCTLR = 0x%08x (M = %u)\n", READ_CP15(0, c1, c0, 0), READ_CP15(0, c1, c0, 0) & 1);
	pr_info("TTBR0 = 0x%08x (user page tables)\n", READ_CP15(0, c2, c0, 0));
	pr_info("TTBR1 = 0x%08x (kernel page tables)\n", READ_CP15(0, c2, c0, 1));
	pr_info("TTBCR = 0x%08x\n", READ_CP15(0, c2, c0, 2));
	pr_info("DACR = 0x%08x\n", READ_CP15(0, c3, c0, 0));
	pr_info("VBAR = 0x%08x (exception vectors)\n", READ_CP15(0, c12, c0, 0));
	pr_info("CONTEXTIDR = 0x%08x\n", READ_CP15(0, c13, c0, 1));
	pr_info("ID_PFR0 = 0x%08x\n", READ_CP15(0, c0, c1, 0));
	pr_info("ID_MMFR0 = 0x%08x\n", READ_CP15(0, c0, c1, 4));
}

#else
#error "dump_regs: no registers for this architecture"
#endif

static int __init myinit(void)
{
	dump_regs();
	return 0;
}

static void __exit myexit(void)
{
}

module_init(myinit);
module_exit(myexit);
MODULE_DESCRIPTION("Dump system registers of x86_64, arm or aarch64");
MODULE_LICENSE("GPL");
