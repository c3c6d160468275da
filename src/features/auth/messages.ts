import type { Messages } from '../../app/i18n';

export const authMessages: Messages = {
  vi: {
    'auth.signIn': 'Đăng nhập',
    'auth.signOut': 'Đăng xuất',
    'auth.username': 'Tên đăng nhập',
    'auth.password': 'Mật khẩu',
    'auth.currentPassword': 'Mật khẩu hiện tại',
    'auth.newPassword': 'Mật khẩu mới (ít nhất 10 ký tự)',
    'auth.changePassword': 'Đổi mật khẩu',
    'auth.mustChange': 'Đây là mật khẩu dùng một lần: hãy đặt mật khẩu mới.',
    'auth.cancel': 'Hủy',
    'auth.role.viewer': 'Xem',
    'auth.role.editor': 'Biên tập',
    'auth.role.admin': 'Quản trị',
  },
  en: {
    'auth.signIn': 'Sign in',
    'auth.signOut': 'Sign out',
    'auth.username': 'Username',
    'auth.password': 'Password',
    'auth.currentPassword': 'Current password',
    'auth.newPassword': 'New password (at least 10 characters)',
    'auth.changePassword': 'Change password',
    'auth.mustChange': 'This is a one-time password: set a new one.',
    'auth.cancel': 'Cancel',
    'auth.role.viewer': 'Viewer',
    'auth.role.editor': 'Editor',
    'auth.role.admin': 'Admin',
  },
};
