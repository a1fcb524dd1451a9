import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { error: "Enter your email address." })
    .max(254)
    .pipe(z.email({ error: "Enter an email address like name@school.org." })),
  password: z.string().min(1, { error: "Enter your password." }).max(200, { error: "That password is too long." }),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password." }).max(200),
    newPassword: z.string().min(12, { error: "Use at least 12 characters." }).max(200, { error: "Use at most 200 characters." }),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "The two new passwords do not match.", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { error: "Choose a password you have not used here.", path: ["newPassword"] });

export const switchSchoolSchema = z.object({ schoolId: z.string().min(1).max(40) });
