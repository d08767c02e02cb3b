export default defineBackground(() => {
  console.log('beta radar background');
});
