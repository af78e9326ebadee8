################################################################################
#
# lkmc-modules: lkmc's kernel_modules/, built against lkmc's kernel
#
################################################################################

LKMC_MODULES_VERSION = lkmc
LKMC_MODULES_SITE = $(BR2_EXTERNAL_LKMC_PATH)/../kernel_modules
LKMC_MODULES_SITE_METHOD = local
LKMC_MODULES_LICENSE = GPL-2.0

# The kernel is lkmc's, not Buildroot's (BR2_LINUX_KERNEL is off), so the
# modules are built as lkmc builds them: with the kernel's own compiler.
define LKMC_MODULES_BUILD_CMDS
	$(if $(LKMC_LINUX_BUILD_DIR),,$(error lkmc-modules: LKMC_LINUX_BUILD_DIR is not set; build through lkmc build buildroot))
	$(MAKE) -C $(LKMC_LINUX_BUILD_DIR) M=$(@D) ARCH=$(LKMC_LINUX_ARCH) \
		CROSS_COMPILE=$(LKMC_KERNEL_CROSS_COMPILE) \
		OBJECT_FILES="$(LKMC_MODULES)" modules
endef

define LKMC_MODULES_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/lkmc
	for ko in $(@D)/*.ko; do [ -e "$$ko" ] && cp -p "$$ko" $(TARGET_DIR)/lkmc/; done; true
endef

$(eval $(generic-package))
