/* uart.c: drive the PL011 UART through its registers, and check it by
 * looping its output back into its input.
 *
 * The runtime's printf ends in lkmc_uart_putc(), which is just a store to the
 * data register UARTDR once the flag register UARTFR says the transmit FIFO
 * has room. Here the same registers are used directly. Every AMBA PrimeCell
 * also identifies itself in its last 32 bytes (UARTPeriphID0-3 and
 * UARTPCellID0-3), which is how a driver can check what sits at an address.
 *
 * Tests have no stdin, so receiving is checked with the loopback mode
 * (UARTCR.LBE): what is sent comes back on the receive side (QEMU also still
 * prints it). The FIFOs are enabled (UARTLCR_H.FEN) so that a whole line fits
 * in the receive FIFO instead of one character overwriting the other. */

#include <stdio.h>
#include <string.h>

#include <lkmc_baremetal.h>

#define UARTDR 0x000
#define UARTFR 0x018
#define UARTLCR_H 0x02c
#define UARTCR 0x030
#define UARTPERIPHID0 0xfe0
#define UARTPCELLID0 0xff0

#define FR_RXFE (1 << 4)
#define FR_TXFF (1 << 5)
#define LCR_H_FEN (1 << 4)
#define LCR_H_WLEN_8 (3 << 5)
#define CR_UARTEN (1 << 0)
#define CR_LBE (1 << 7)
#define CR_TXE (1 << 8)
#define CR_RXE (1 << 9)

#define BURST 8

static uint32_t reg(unsigned int offset)
{
    return lkmc_read32(LKMC_UART_BASE + offset);
}

/* The ID registers hold one byte each, in the low 8 bits. */
static uint32_t id_word(unsigned int offset)
{
    uint32_t v = 0;

    for (int i = 0; i < 4; i++)
        v |= (reg(offset + 4 * i) & 0xff) << (8 * i);
    return v;
}

int main(void)
{
    static const char msg[] = "uart: this line went through the loopback\r\n";
    char got[sizeof(msg)];
    uint32_t periph = id_word(UARTPERIPHID0);
    uint32_t cell = id_word(UARTPCELLID0);
    uint32_t old_lcr_h = reg(UARTLCR_H), old_cr = reg(UARTCR);
    uint32_t errors = 0;
    size_t n;

    /* Part number 0x011 (PL011) in bits 11:0, designer 0x41 (ARM) in 19:12. */
    printf("uart: UARTPeriphID 0x%08lx UARTPCellID 0x%08lx\n",
           (unsigned long)periph, (unsigned long)cell);
    if ((periph & 0xfff) != 0x011 || ((periph >> 12) & 0xff) != 0x41 || cell != 0xb105f00d) {
        puts("uart: not a PL011");
        return 1;
    }

    /* Nothing should be waiting, but drain anyway so the check below only
     * sees what we send. */
    while (!(reg(UARTFR) & FR_RXFE))
        (void)reg(UARTDR);

    lkmc_write32(LKMC_UART_BASE + UARTLCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    lkmc_write32(LKMC_UART_BASE + UARTCR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE);
    /* In bursts smaller than the 16-byte receive FIFO: more would overflow
     * it, as nobody reads while we send. */
    for (n = 0; n < sizeof(msg) - 1; ) {
        size_t end = n + BURST < sizeof(msg) - 1 ? n + BURST : sizeof(msg) - 1;

        for (size_t i = n; i < end; i++) {
            while (reg(UARTFR) & FR_TXFF)
                ;
            lkmc_write32(LKMC_UART_BASE + UARTDR, (unsigned char)msg[i]);
        }
        while (!(reg(UARTFR) & FR_RXFE) && n < sizeof(got) - 1) {
            uint32_t dr = reg(UARTDR);

            /* Bits 11:8: overrun, break, parity and framing errors. No
             * printf to report them now: it would loop back too. */
            errors |= dr & 0xf00;
            got[n++] = dr & 0xff;
        }
        if (n != end)
            break;
    }
    got[n] = '\0';
    lkmc_write32(LKMC_UART_BASE + UARTCR, old_cr);
    lkmc_write32(LKMC_UART_BASE + UARTLCR_H, old_lcr_h);

    if (strcmp(got, msg) != 0 || errors) {
        printf("uart: received %u bytes \"%s\", error flags 0x%lx\n",
               (unsigned int)n, got, (unsigned long)errors);
        return 1;
    }
    printf("uart: received the %u bytes sent\n", (unsigned int)n);
    return 0;
}
