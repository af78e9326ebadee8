################################################################################
#
# lkmc-userland: lkmc's userland/, built with Buildroot's toolchain
#
################################################################################

LKMC_USERLAND_VERSION = lkmc
LKMC_USERLAND_SITE = $(BR2_EXTERNAL_LKMC_PATH)/../userland
LKMC_USERLAND_SITE_METHOD = local
LKMC_USERLAND_LICENSE = GPL-3.0

# Which programs the arch gets and their flags are in lkmc's
# configs/userland.toml; lkmc writes them out as a makefile (LKMC_USERLAND_MK).
define LKMC_USERLAND_BUILD_CMDS
	$(if $(LKMC_USERLAND_MK),,$(error lkmc-userland: LKMC_USERLAND_MK is not set; build through lkmc build buildroot))
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) -f $(LKMC_USERLAND_MK) \
		CC="$(TARGET_CC)" CXX="$(TARGET_CXX)" AR="$(TARGET_AR)" OUT=$(@D)/lkmc-out
endef

# The programs only (c/hello.out -> /lkmc/c/hello.out), not liblkmc.
define LKMC_USERLAND_INSTALL_TARGET_CMDS
	cd $(@D)/lkmc-out && find . -name '*.out' -exec \
		$(INSTALL) -D -m 0755 {} $(TARGET_DIR)/lkmc/{} \;
endef

$(eval $(generic-package))
