/* The smallest baremetal program: printf goes to the UART, and the return
 * value of main becomes the emulator's exit status. */

#include <stdio.h>

int main(void)
{
    puts("hello");
    return 0;
}
