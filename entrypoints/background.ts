import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring lands here as features arrive (badge, context menu, commands).
});
