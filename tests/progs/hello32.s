# hello32.s: a static i386 program without libc, for ptshim-32bit.test.
# Assembled and linked by the test (as --32, ld -m elf_i386), so that no
# 32-bit C library is needed.  Natively it writes one line through the
# 32-bit gate (int 0x80) and exits with status 3.
	.globl	_start
	.text
_start:
	movl	$4, %eax		# i386 write
	movl	$1, %ebx		# stdout
	movl	$msg, %ecx
	movl	$len, %edx
	int	$0x80
	movl	$1, %eax		# i386 exit
	movl	$3, %ebx
	int	$0x80
	hlt

	.data
msg:	.ascii	"hello from i386 code\n"
	len = . - msg
